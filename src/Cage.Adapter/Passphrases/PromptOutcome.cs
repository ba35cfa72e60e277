namespace Cage.Adapter.Passphrases;

/// <summary>How prompt automation ended.</summary>
internal enum PromptOutcome
{
    /// <summary>Every expected prompt was seen and answered once.</summary>
    AllAnswered,
    /// <summary>A prompt did not appear within the prompt timeout.</summary>
    TimedOut,
    /// <summary>Stopped (the child exited) before every prompt was answered.</summary>
    Stopped,
}
