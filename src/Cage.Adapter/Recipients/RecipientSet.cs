using System.Collections.Immutable;

namespace Cage.Adapter.Recipients;

/// <summary>
/// An immutable, de-duplicated set of validated recipients, built fluently:
/// <c>RecipientSet.Empty.Add("age1...").AddFile(".cage/recipients")</c>.
/// </summary>
public sealed class RecipientSet
{
    private RecipientSet(ImmutableArray<Recipient> recipients) => Recipients = recipients;

    /// <summary>No recipients.</summary>
    public static RecipientSet Empty { get; } = new(ImmutableArray<Recipient>.Empty);

    /// <summary>The recipients in the order first added.</summary>
    public ImmutableArray<Recipient> Recipients { get; }

    /// <summary>How many recipients.</summary>
    public int Count => Recipients.Length;

    /// <summary>Adds one recipient given as text (validated now).</summary>
    public RecipientSet Add(string recipient, string? source = null) => Add(Recipient.Parse(recipient, source));

    /// <summary>Adds recipients.</summary>
    public RecipientSet Add(params Recipient[] recipients) => AddRange(recipients);

    /// <summary>Adds recipients.</summary>
    public RecipientSet AddRange(IEnumerable<Recipient> recipients)
    {
        var builder = Recipients.ToBuilder();
        foreach (var recipient in recipients)
        {
            if (!builder.Contains(recipient))
                builder.Add(recipient);
        }
        return new RecipientSet(builder.ToImmutable());
    }

    /// <summary>Adds every recipient in a recipients file (validated now).</summary>
    public RecipientSet AddFile(string path) => AddRange(RecipientsFile.Read(path));

    /// <summary>Throws <see cref="CageErrorCode.NoRecipients"/> when empty.</summary>
    public RecipientSet EnsureNotEmpty()
    {
        if (Count == 0)
            throw new CageException(CageErrorCode.NoRecipients);
        return this;
    }
}
