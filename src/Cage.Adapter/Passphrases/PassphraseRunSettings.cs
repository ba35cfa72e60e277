using Cage.Adapter.Binary;

namespace Cage.Adapter.Passphrases;

/// <summary>How one passphrase run of age is carried out.</summary>
/// <param name="Operation">Encrypt or decrypt: decides the prompts and output checks.</param>
/// <param name="BufferSize">Copy buffer size for age's pipes and staged files.</param>
/// <param name="Timeout">Kill age when the whole run takes longer; null for no limit.</param>
/// <param name="PromptTimeout">Kill age when an expected prompt does not appear in time.</param>
/// <param name="TempRoot">Root of private temp folders (tempfile strategy); null for CAGE_TEMP_DIR or the system temp folder.</param>
/// <param name="Environment">Where CAGE_TEMP_DIR is read.</param>
/// <param name="DirectFiles">Give files to age as its stdin and stdout instead of pumping them (<see cref="Binary.DirectFiles"/>).</param>
internal sealed record PassphraseRunSettings(
    AgeOperation Operation,
    int BufferSize,
    TimeSpan? Timeout,
    TimeSpan PromptTimeout,
    string? TempRoot,
    CageEnvironment Environment,
    bool DirectFiles = true);
