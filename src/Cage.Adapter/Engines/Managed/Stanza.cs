namespace Cage.Adapter.Engines.Managed;

/// <summary>One recipient stanza of an age header: <c>-&gt; type args...</c> and a binary body.</summary>
internal sealed record Stanza(string Type, IReadOnlyList<string> Arguments, byte[] Body)
{
    /// <summary>Throws <see cref="CageErrorCode.HeaderCorrupted"/> unless there are exactly <paramref name="count"/> arguments.</summary>
    public void RequireArguments(int count)
    {
        if (Arguments.Count != count)
            throw new CageException(CageErrorCode.HeaderCorrupted, $"a {Type} stanza has {Arguments.Count} arguments, expected {count}");
    }

    /// <summary>Throws <see cref="CageErrorCode.HeaderCorrupted"/> unless the body is exactly <paramref name="length"/> bytes.</summary>
    public void RequireBodyLength(int length)
    {
        if (Body.Length != length)
            throw new CageException(CageErrorCode.HeaderCorrupted, $"a {Type} stanza body is {Body.Length} bytes, expected {length}");
    }
}
