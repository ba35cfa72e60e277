using System.Text;
using Cage.Build.Tasks.Tests.Infrastructure;
using Cage.Testing;

namespace Cage.Build.Tasks.Tests.EndToEnd;

/// <summary>Every error a user can hit in a real build shows its CAGE code against the item's file.</summary>
[Collection(DotnetBuildCollection.Name)]
public sealed class DiagnosticsTests
{
    private static readonly string[] Options = { "-nodeReuse:false", "-tl:off", "-v:m" };
    private readonly CagePackageFixture _package;

    public DiagnosticsTests(CagePackageFixture package) => _package = package;

    [Fact]
    public void Decrypt_errors_show_their_codes_and_files()
    {
        var workspace = _package.NewWorkspace("decrypt-errors");
        var keys = new Keys(workspace);
        var good = keys.Encrypt(RandomData.Bytes(100_000));
        var project = ProjectBuilder.Console("Broken")
            .PackageReference("Cage.Build", _package.Version)
            .Item("CageDecrypt", "secrets/missing.json.age")
            .Item("CageDecrypt", "secrets/header.json.age")
            .Item("CageDecrypt", "secrets/payload.json.age")
            .Item("CageDecrypt", "secrets/truncated.json.age")
            .Item("CageDecrypt", "secrets/plain.json.age")
            .Item("CageDecrypt", "secrets/otherkey.json.age")
            .File("secrets/header.json.age", Corrupt.HeaderMac(good))
            .File("secrets/payload.json.age", Corrupt.Payload(good))
            .File("secrets/truncated.json.age", Corrupt.TruncatedAfterHeader(good))
            .File("secrets/plain.json.age", "{ \"not\": \"encrypted\" }\n")
            .File("secrets/otherkey.json.age", keys.Encrypt(Encoding.UTF8.GetBytes("{}"), AgeCli.Keygen().Recipient))
            .WriteTo(workspace);

        var failed = DecryptTarget(project, keys.WithIdentityContents());

        AssertError(failed, "CAGE014", "missing.json.age");
        AssertError(failed, "CAGE010", "header.json.age");
        AssertError(failed, "CAGE011", "payload.json.age");
        AssertError(failed, "CAGE012", "truncated.json.age");
        AssertError(failed, "CAGE013", "plain.json.age");
        AssertError(failed, "CAGE008", "otherkey.json.age");
        Assert.DoesNotContain(keys.SecretKeyLine, failed.Output);
        Assert.Empty(Directory.Exists(project.Obj("cage/decrypted")) ? Directory.GetFiles(project.Obj("cage/decrypted"), "*", SearchOption.AllDirectories) : Array.Empty<string>());

        var noIdentity = DecryptTarget(project, keys.WithoutIdentity());
        var line = AssertError(noIdentity, "CAGE006", "missing.json.age");
        Assert.Contains("CAGE_IDENTITY_FILE", line);
        Assert.Contains(Path.Combine(keys.EmptyConfigHome, "cage", "keys.txt"), line);

        var noAge = DecryptTarget(project, keys.WithIdentityFile(), "-p:CageAgePath=/nonexistent/bin/age");
        Assert.Contains("apt-get install age", AssertError(noAge, "CAGE001", "missing.json.age"));

        var badStrategy = DecryptTarget(project, keys.WithIdentityFile(), "-p:CageStreamingStrategy=carrier-pigeon");
        AssertError(badStrategy, "CAGE024", "missing.json.age");

        // CageEnabled=false turns everything off: the same broken project builds.
        DotnetCli.Run(project.Folder, new[] { "build", "-t:CageDecryptFiles", "-p:CageEnabled=false" }.Concat(Options), keys.WithoutIdentity()).EnsureSuccess();
    }

    [Fact]
    public void Encrypt_errors_show_their_codes_and_files()
    {
        var workspace = _package.NewWorkspace("encrypt-errors");
        var keys = new Keys(workspace);
        var project = ProjectBuilder.Console("BrokenEncrypt")
            .PackageReference("Cage.Build", _package.Version)
            .Item("CageEncrypt", "bad-recipient.txt", ("Recipients", "age1thisisnotakey"))
            .Item("CageEncrypt", "nobody.txt", ("RecipientsFile", "empty-recipients.txt"))
            .Item("CageEncrypt", "missing.txt")
            .Item("CageEncrypt", "fine.txt")
            .File("bad-recipient.txt", "a")
            .File("nobody.txt", "b")
            .File("empty-recipients.txt", "# nobody yet\n")
            .File("fine.txt", "fine")
            .WriteTo(workspace);

        var failed = DotnetCli.Run(project.Folder, new[] { "build", "-t:CageEncryptFiles" }.Concat(Options), keys.WithoutIdentity()).EnsureFailure();

        AssertError(failed, "CAGE003", "bad-recipient.txt");
        AssertError(failed, "CAGE004", "nobody.txt");
        AssertError(failed, "CAGE014", "missing.txt");
        // The item that could be encrypted was, to the default .cage/recipients above the project.
        Assert.Equal("fine"u8.ToArray(), keys.Decrypt(project.File("fine.txt.age")));
        Assert.False(File.Exists(project.File("bad-recipient.txt.age")));
    }

    private static CommandResult DecryptTarget(GeneratedProject project, IReadOnlyDictionary<string, string?> environment, params string[] extra) =>
        DotnetCli.Run(project.Folder, new[] { "build", "-t:CageDecryptFiles" }.Concat(Options).Concat(extra), environment).EnsureFailure();

    /// <summary>Finds the error line with <paramref name="code"/>; it must name <paramref name="file"/>.</summary>
    private static string AssertError(CommandResult result, string code, string file)
    {
        var lines = result.Output.Split('\n').Where(l => l.Contains($"error {code}:", StringComparison.Ordinal)).ToList();
        Assert.True(lines.Count > 0, $"no '{code}' error in:\n{result.Output}");
        Assert.True(lines.Any(l => l.Contains(file, StringComparison.Ordinal)), $"'{code}' does not name {file}:\n{string.Join('\n', lines)}");
        return lines.First(l => l.Contains(file, StringComparison.Ordinal));
    }
}
