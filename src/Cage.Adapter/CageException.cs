namespace Cage.Adapter;

/// <summary>
/// The one exception the adapter throws for anything a user can hit. <see cref="Exception.Message"/> says what
/// happened; <see cref="Hint"/> says what to do. Never carries secrets: messages name files and recipients,
/// never passphrases, identities or plaintext.
/// </summary>
public sealed class CageException : Exception
{
    /// <summary>Creates an error with the code's standard summary and hint, plus optional detail.</summary>
    public CageException(CageErrorCode code, string? detail = null, Exception? innerException = null, string? hint = null)
        : base(BuildMessage(code, detail), innerException)
    {
        Code = code;
        Detail = detail;
        Hint = hint ?? CageErrors.Hint(code);
    }

    /// <summary>The stable code.</summary>
    public CageErrorCode Code { get; }

    /// <summary>The code as text, e.g. <c>CAGE001</c>.</summary>
    public string CodeId => CageErrors.Id(Code);

    /// <summary>The specific detail (file name, recipient, age's own message), if any.</summary>
    public string? Detail { get; }

    /// <summary>What to do about it.</summary>
    public string Hint { get; }

    /// <summary>A copy of this error whose detail starts with <paramref name="context"/> (e.g. the file being processed).</summary>
    public CageException WithContext(string context) =>
        new(Code, Detail is null ? context : $"{context}: {Detail}", this, Hint);

    private static string BuildMessage(CageErrorCode code, string? detail) =>
        detail is null ? CageErrors.Summary(code) : $"{CageErrors.Summary(code)}: {detail}";
}
