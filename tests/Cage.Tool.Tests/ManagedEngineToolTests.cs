using Cage.Adapter.Engines;
using Cage.Adapter.Passphrases;
using Cage.Testing;

namespace Cage.Tool.Tests;

/// <summary>--engine / CAGE_ENGINE in the tool: keygen, encrypt, decrypt and passphrases in process, doctor says which.</summary>
public sealed class ManagedEngineToolTests : IDisposable
{
    private readonly ToolProcess _tool = new();

    public void Dispose() => _tool.Dispose();

    [Fact]
    public void Managed_keygen_encrypt_and_decrypt_interoperate_with_age()
    {
        var recipient = ToolAssert.Ok(_tool.Run("keygen", "--engine", "managed", "-o", "key.txt")).StdoutText.Trim();
        Assert.Equal(recipient, AgeCli.Run(AgeCli.KeygenPath, new[] { "-y", _tool.PathIn("key.txt") }).EnsureSuccess().StdoutText.Trim());
        var plaintext = RandomData.Bytes(150_000);
        _tool.Write("plain.bin", plaintext);
        _tool.Environment["CAGE_ENGINE"] = "managed";

        ToolAssert.Ok(_tool.Run("encrypt", "-r", recipient, "-o", "plain.bin.age", "plain.bin"));
        Assert.Equal(plaintext, AgeCli.Age("-d", "-i", _tool.PathIn("key.txt"), _tool.PathIn("plain.bin.age")).EnsureSuccess().Stdout);

        AgeCli.Age("-r", recipient, "-o", _tool.PathIn("by-age.age"), _tool.PathIn("plain.bin")).EnsureSuccess();
        ToolAssert.Ok(_tool.Run("decrypt", "-i", "key.txt", "-o", "out.bin", "by-age.age"));
        Assert.Equal(plaintext, File.ReadAllBytes(_tool.PathIn("out.bin")));
    }

    [Fact]
    public async Task Managed_passphrase_file_opens_with_age()
    {
        _tool.Write("p.txt", "passphrase protected\n");
        _tool.Environment["CAGE_PASSPHRASE"] = "tool passphrase";

        ToolAssert.Ok(_tool.Run("encrypt", "--engine", "managed", "-p", "-o", "p.txt.age", "p.txt"));

        using var output = new MemoryStream();
        await new AgeBinaryEngine().DecryptAsync(File.OpenRead(_tool.PathIn("p.txt.age")), output, DecryptOptions.ForPassphrase(Passphrase.FromString("tool passphrase")));
        Assert.Equal("passphrase protected\n", System.Text.Encoding.UTF8.GetString(output.ToArray()));
    }

    [Fact]
    public void Doctor_names_the_engine_and_rejects_an_unknown_one()
    {
        var json = ToolAssert.Ok(_tool.Run("doctor", "--json", "--engine", "managed")).Json;
        Assert.Equal("managed (requested)", json.GetProperty("engine").GetString());
        Assert.Equal("age (auto: age binary found)", ToolAssert.Ok(_tool.Run("doctor", "--json")).Json.GetProperty("engine").GetString());

        _tool.Environment["CAGE_ENGINE"] = "rage";
        var run = _tool.Run("doctor", "--json");
        Assert.Equal(1, run.ExitCode);
        Assert.Equal("CAGE071", run.Json.GetProperty("engineError").GetProperty("code").GetString());
    }
}
