using Cage.Adapter;
using Cage.Testing;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace Cage.Build.Tasks.Tests.Infrastructure;

/// <summary>
/// A temp folder, one real age key pair and helpers to run the task classes in-process against a
/// <see cref="FakeBuildEngine"/>, with an injected environment (nothing from the test runner leaks in).
/// </summary>
public sealed class TaskHarness : IDisposable
{
    private readonly TempDir _dir = new("cage-tasks-");

    public TaskHarness()
    {
        (Identity, Recipient) = AgeCli.Keygen();
        IdentityFile = _dir.Write("keys/id.txt", Identity);
        EmptyConfigHome = Directory.CreateDirectory(_dir.File("empty-config")).FullName;
    }

    public string Identity { get; }
    public string Recipient { get; }
    public string IdentityFile { get; }
    public string EmptyConfigHome { get; }
    public string Root => _dir.Path;

    public string Path(string name) => _dir.File(name);

    public string Write(string name, byte[] contents) => _dir.Write(name, contents);

    /// <summary>Encrypts <paramref name="plaintext"/> to this harness's recipient with plain age.</summary>
    public string WriteEncrypted(string name, byte[] plaintext, string? recipient = null)
    {
        var ciphertext = AgeCli.Age(plaintext, "-r", recipient ?? Recipient).EnsureSuccess().Stdout;
        return Write(name, ciphertext);
    }

    /// <summary>Decrypts with plain age and this harness's identity.</summary>
    public byte[] DecryptWithAge(string path) => AgeCli.Age("-d", "-i", IdentityFile, path).EnsureSuccess().Stdout;

    /// <summary>An environment with PATH only, no identity and an empty XDG config home, plus <paramref name="extra"/>.</summary>
    public CageEnvironment Environment(params (string Name, string Value)[] extra)
    {
        var variables = new Dictionary<string, string?>
        {
            ["PATH"] = System.Environment.GetEnvironmentVariable("PATH"),
            ["HOME"] = EmptyConfigHome,
            ["XDG_CONFIG_HOME"] = EmptyConfigHome,
        };
        foreach (var (name, value) in extra)
            variables[name] = value;
        return CageEnvironment.FromDictionary(variables);
    }

    public CageEnvironment EnvironmentWithIdentityFile() => Environment(("CAGE_IDENTITY_FILE", IdentityFile));

    public static ITaskItem Item(string spec, params (string Name, string Value)[] metadata)
    {
        var item = new TaskItem(spec);
        foreach (var (name, value) in metadata)
            item.SetMetadata(name, value);
        return item;
    }

    public (CageDecrypt Task, FakeBuildEngine Engine) Decrypt(CageEnvironment environment, params ITaskItem[] items)
    {
        var engine = new FakeBuildEngine();
        return (new CageDecrypt { BuildEngine = engine, Files = items, Environment = environment }, engine);
    }

    public (CageEncrypt Task, FakeBuildEngine Engine) Encrypt(CageEnvironment environment, params ITaskItem[] items)
    {
        var engine = new FakeBuildEngine();
        return (new CageEncrypt { BuildEngine = engine, Files = items, Environment = environment }, engine);
    }

    public void Dispose() => _dir.Dispose();
}
