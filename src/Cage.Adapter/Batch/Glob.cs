using System.Text;
using System.Text.RegularExpressions;

namespace Cage.Adapter.Batch;

/// <summary>
/// A path glob as in .gitignore-style tools: <c>*</c> any run within one path segment, <c>?</c> one character,
/// <c>**</c> any number of segments, <c>[abc]</c> a class. A pattern without <c>/</c> matches the file name
/// at any depth (<c>*.json</c>); one with <c>/</c> matches the path relative to the search root.
/// </summary>
public sealed class Glob
{
    private readonly Regex _regex;
    private readonly bool _matchName;

    private Glob(string pattern, Regex regex, bool matchName)
    {
        Pattern = pattern;
        _regex = regex;
        _matchName = matchName;
    }

    /// <summary>The pattern as given.</summary>
    public string Pattern { get; }

    /// <summary>Compiles <paramref name="pattern"/>; throws <see cref="CageErrorCode.UsageError"/> when empty.</summary>
    public static Glob Parse(string pattern)
    {
        var normalised = pattern.Replace('\\', '/').Trim();
        if (normalised.StartsWith("./", StringComparison.Ordinal))
            normalised = normalised[2..];
        if (normalised.Length == 0)
            throw new CageException(CageErrorCode.UsageError, "an empty glob pattern");
        var matchName = !normalised.Contains('/');
        return new Glob(pattern, new Regex("^" + ToRegex(normalised) + "$", RegexOptions.CultureInvariant), matchName);
    }

    /// <summary>True when <paramref name="relativePath"/> (relative to the search root) matches.</summary>
    public bool IsMatch(string relativePath)
    {
        var path = relativePath.Replace('\\', '/');
        return _matchName ? _regex.IsMatch(path[(path.LastIndexOf('/') + 1)..]) : _regex.IsMatch(path);
    }

    private static string ToRegex(string glob)
    {
        var regex = new StringBuilder();
        for (var i = 0; i < glob.Length; i++)
        {
            var c = glob[i];
            switch (c)
            {
                case '*' when i + 1 < glob.Length && glob[i + 1] == '*':
                    var slashFollows = i + 2 < glob.Length && glob[i + 2] == '/';
                    regex.Append(slashFollows ? "(?:.*/)?" : ".*");
                    i += slashFollows ? 2 : 1;
                    break;
                case '*':
                    regex.Append("[^/]*");
                    break;
                case '?':
                    regex.Append("[^/]");
                    break;
                case '[':
                    var close = glob.IndexOf(']', i + 1);
                    if (close < 0)
                    {
                        regex.Append(@"\[");
                        break;
                    }
                    var body = glob[(i + 1)..close];
                    regex.Append('[').Append(body.StartsWith('!') ? "^" + Regex.Escape(body[1..]) : Regex.Escape(body)).Append(']');
                    i = close;
                    break;
                default:
                    regex.Append(Regex.Escape(c.ToString()));
                    break;
            }
        }
        return regex.ToString();
    }
}
