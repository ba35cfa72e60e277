using Cage.Testing;

namespace Cage.Reliability.Tests;

/// <summary>A dotnet-cage workspace with a fresh 0600 age key as the default identity and .cage/recipients.</summary>
public sealed class ToolScene : IDisposable
{
    public const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    public ToolScene()
    {
        (KeyFile, Recipient) = Tool.NewKey("key.txt");
        File.SetUnixFileMode(KeyFile, OwnerOnly);
        Tool.Write(".cage/recipients", Recipient + "\n");
        Tool.Environment["CAGE_IDENTITY_FILE"] = KeyFile;
    }

    public ToolProcess Tool { get; } = new();
    public string KeyFile { get; }
    public string Recipient { get; }
    public string Work => Tool.Work;

    /// <summary>Every entry of the work folder except the recipients file.</summary>
    public IReadOnlyList<string> Files() => Aftermath.Entries(Work).Where(e => !e.StartsWith(".cage", StringComparison.Ordinal)).ToList();

    /// <summary>The error code the JSON report gives the first file.</summary>
    public static string? FirstFileCode(ToolRun run) =>
        run.Json.GetProperty("files")[0].GetProperty("error") is { ValueKind: System.Text.Json.JsonValueKind.Object } error
            ? error.GetProperty("code").GetString()
            : null;

    public void Dispose() => Tool.Dispose();
}
