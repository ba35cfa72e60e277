namespace Cage.Adapter;

/// <summary>
/// Something the user should fix although the operation goes on (e.g. a key file others can read). Codes and
/// hints share <see cref="CageErrors"/> with errors, so a warning is shown as <c>CAGE0xx</c> like an error.
/// </summary>
/// <param name="Code">The stable code.</param>
/// <param name="Detail">What exactly (a path, never a secret).</param>
public sealed record CageWarning(CageErrorCode Code, string Detail)
{
    /// <summary>The code as text, e.g. <c>CAGE060</c>.</summary>
    public string CodeId => CageErrors.Id(Code);

    /// <summary>Summary and detail in one line.</summary>
    public string Message => $"{CageErrors.Summary(Code)}: {Detail}";

    /// <summary>What to do about it.</summary>
    public string Hint => CageErrors.Hint(Code);
}
