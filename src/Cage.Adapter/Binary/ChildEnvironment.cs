using System.Collections;

namespace Cage.Adapter.Binary;

/// <summary>
/// The environment handed to age by posix_spawn (which takes it explicitly): ours, minus every variable that
/// may hold a secret (<c>CAGE_PASSPHRASE</c>, <c>CAGE_IDENTITY</c>).
/// </summary>
internal static class ChildEnvironment
{
    public static IReadOnlyDictionary<string, string> WithoutSecrets()
    {
        var variables = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (DictionaryEntry entry in Environment.GetEnvironmentVariables())
        {
            var name = (string)entry.Key;
            if (!CageEnvironmentVariables.Secrets.Contains(name, StringComparer.Ordinal))
                variables[name] = (string?)entry.Value ?? "";
        }
        return variables;
    }
}
