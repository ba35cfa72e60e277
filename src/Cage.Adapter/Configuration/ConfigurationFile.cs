namespace Cage.Adapter.Configuration;

/// <summary>
/// A Cage config file: <c>key = value</c> lines, <c>#</c> comments and blank lines ignored, CRLF and a UTF-8 BOM
/// tolerated. Keys are <see cref="ConfigurationKeys"/>; unknown keys are an error so typos do not pass silently.
/// </summary>
public static class ConfigurationFile
{
    /// <summary>Reads <paramref name="path"/>; an absent file is an empty configuration.</summary>
    public static IReadOnlyDictionary<string, string> Read(string path)
    {
        if (!File.Exists(path))
            return new Dictionary<string, string>();
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CageException(CageErrorCode.InvalidConfiguration, $"'{path}' cannot be read", e);
        }
        return Parse(text, path);
    }

    /// <summary>Parses config text; <paramref name="sourceName"/> names it in errors.</summary>
    public static IReadOnlyDictionary<string, string> Parse(string text, string sourceName)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var lines = text.TrimStart('\uFEFF').Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].TrimEnd('\r').Trim();
            if (line.Length == 0 || line.StartsWith('#'))
                continue;
            var equals = line.IndexOf('=');
            var key = equals < 0 ? line : line[..equals].Trim();
            if (equals < 0 || !ConfigurationKeys.All.Contains(key))
            {
                throw new CageException(CageErrorCode.InvalidConfiguration, $"{sourceName}:{i + 1}: '{line}'",
                    hint: $"config lines are 'key = value' with keys: {string.Join(", ", ConfigurationKeys.All)}");
            }
            values[key] = line[(equals + 1)..].Trim();
        }
        return values;
    }

    /// <summary>Renders a config file (used by <c>init</c>).</summary>
    public static string Render(IEnumerable<KeyValuePair<string, string>> values) =>
        "# Cage configuration: key = value\n" + string.Concat(values.Select(p => $"{p.Key} = {p.Value}\n"));
}
