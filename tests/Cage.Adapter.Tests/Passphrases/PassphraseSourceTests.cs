using System.Text;
using Cage.Adapter.Passphrases;
using Cage.Adapter.Pty;
using Cage.Testing;

namespace Cage.Adapter.Tests.Passphrases;

[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class PassphraseSourceTests
{
    private static CageEnvironment Env(string? passphrase) =>
        CageEnvironment.FromDictionary(new Dictionary<string, string?> { [CageEnvironmentVariables.Passphrase] = passphrase });

    /// <summary>Same passphrase = same scrypt key: the only way to compare, since Passphrase never reveals itself.</summary>
    private static void AssertSame(string expected, Passphrase actual)
    {
        Assert.Equal(expected.Length, actual.Length);
        Assert.Equal(Encoding.UTF8.GetBytes(expected), actual.ToUtf8());
    }

    [Fact]
    public void Environment_source_reads_CAGE_PASSPHRASE_and_never_shows_it()
    {
        var source = PassphraseSource.FromEnvironment(Env("from env"));
        Assert.True(source.IsAvailable);
        var passphrase = source.Read(PassphrasePurpose.Encrypt);
        AssertSame("from env", passphrase);
        Assert.DoesNotContain("from env", passphrase.ToString());
        Assert.DoesNotContain("from env", source.ToString());
    }

    [Fact]
    public void Unset_or_empty_variable_is_not_available()
    {
        Assert.False(PassphraseSource.FromEnvironment(Env(null)).IsAvailable);
        Assert.False(PassphraseSource.FromEnvironment(Env("")).IsAvailable);
        var error = Assert.Throws<CageException>(() => PassphraseSource.FromEnvironment(Env(null)).Read(PassphrasePurpose.Decrypt));
        Assert.Equal(CageErrorCode.NoPassphrase, error.Code);
    }

    [Fact]
    public void File_source_takes_the_first_line_without_bom_or_line_ending()
    {
        using var temp = new TempDir();
        var path = temp.Write("pass", "\uFEFFfile secret\r\nsecond line\n");
        AssertSame("file secret", PassphraseSource.FromFile(path).Read(PassphrasePurpose.Decrypt));
    }

    [Fact]
    public void Missing_file_is_NoPassphrase_and_empty_first_line_is_EmptyPassphrase()
    {
        using var temp = new TempDir();
        Assert.Equal(CageErrorCode.NoPassphrase, Assert.Throws<CageException>(() => PassphraseSource.FromFile(temp.File("nope")).Read(PassphrasePurpose.Decrypt)).Code);
        var empty = temp.Write("empty", "\nsecret on line two\n");
        Assert.Equal(CageErrorCode.EmptyPassphrase, Assert.Throws<CageException>(() => PassphraseSource.FromFile(empty).Read(PassphrasePurpose.Decrypt)).Code);
    }

    [Fact]
    public void Stream_source_reads_one_line_and_leaves_the_rest()
    {
        var stream = new MemoryStream(Encoding.UTF8.GetBytes("stream secret\nDATA"));
        AssertSame("stream secret", PassphraseSource.FromStream(stream, "stdin").Read(PassphrasePurpose.Decrypt));
        Assert.Equal("DATA", new StreamReader(stream).ReadToEnd());
    }

    [Fact]
    public void Empty_stream_is_NoPassphrase()
    {
        var error = Assert.Throws<CageException>(() => PassphraseSource.FromStream(new MemoryStream(), "stdin").Read(PassphrasePurpose.Decrypt));
        Assert.Equal(CageErrorCode.NoPassphrase, error.Code);
    }

    [Fact]
    public async Task Descriptor_source_reads_one_line_from_the_descriptor_and_leaves_the_rest()
    {
        using var pipe = UnixPipe.FromChild(); // the "child" end is the write end: we play both sides here
        var fd = pipe.ChildEnd;
        using (var writer = new FileStream(new Microsoft.Win32.SafeHandles.SafeFileHandle(Cage.Adapter.Interop.Libc.fcntl(fd, PtyConstants.F_DUPFD_CLOEXEC, 3), true), FileAccess.Write))
            writer.Write("fd secret ünï\nrest"u8);
        pipe.CloseChildEnd();
        await using var reader = pipe.OpenOurEnd();
        var readFd = (int)((System.IO.Pipes.PipeStream)reader).SafePipeHandle.DangerousGetHandle();
        AssertSame("fd secret ünï", PassphraseSource.FromFileDescriptor(readFd).Read(PassphrasePurpose.Decrypt));
        Assert.Equal("rest", await new StreamReader(reader).ReadToEndAsync());
    }

    [Fact]
    public async Task Terminal_prompt_reads_hidden_input_and_confirms_on_encrypt()
    {
        using var terminal = PseudoTerminal.Open(echo: true);
        var source = PassphraseSource.FromTerminal(terminal.SlavePath);
        Assert.True(source.IsAvailable);
        var reading = Task.Run(() => source.Read(PassphrasePurpose.Encrypt));
        var shown = Answer(terminal, "Enter passphrase: ", "typed secret\n") + Answer(terminal, "Confirm passphrase: ", "typed secret\n");
        AssertSame("typed secret", await reading.WaitAsync(TimeSpan.FromSeconds(10)));
        shown += terminal.ReadAvailableText(100);
        Assert.DoesNotContain("typed secret", shown); // never echoed
        Assert.True(terminal.EchoEnabled, "echo was not restored");
    }

    [Fact]
    public async Task Terminal_prompt_asks_once_on_decrypt()
    {
        using var terminal = PseudoTerminal.Open(echo: true);
        var reading = Task.Run(() => PassphraseSource.FromTerminal(terminal.SlavePath).Read(PassphrasePurpose.Decrypt));
        Answer(terminal, "Enter passphrase: ", "once\n");
        AssertSame("once", await reading.WaitAsync(TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public async Task Different_confirmation_is_PassphraseMismatch()
    {
        using var terminal = PseudoTerminal.Open(echo: true);
        var reading = Task.Run(() => PassphraseSource.FromTerminal(terminal.SlavePath).Read(PassphrasePurpose.Encrypt));
        Answer(terminal, "Enter passphrase: ", "first\n");
        Answer(terminal, "Confirm passphrase: ", "second\n");
        var error = await Assert.ThrowsAsync<CageException>(() => reading.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Equal(CageErrorCode.PassphraseMismatch, error.Code);
        Assert.DoesNotContain("first", error.Message);
        Assert.True(terminal.EchoEnabled);
    }

    [Fact]
    public void Terminal_that_cannot_be_opened_is_not_available()
    {
        var source = PassphraseSource.FromTerminal("/nonexistent/tty");
        Assert.False(source.IsAvailable);
        Assert.Equal(CageErrorCode.NoPassphrase, Assert.Throws<CageException>(() => source.Read(PassphrasePurpose.Decrypt)).Code);
    }

    [Fact]
    public void Resolver_takes_the_first_available_source()
    {
        var sources = new[] { PassphraseSource.FromEnvironment(Env(null)), PassphraseSource.FromTerminal("/nonexistent/tty"), PassphraseSource.FromEnvironment(Env("third")) };
        AssertSame("third", PassphraseResolver.Resolve(sources, PassphrasePurpose.Decrypt));
    }

    [Fact]
    public void Resolver_with_nothing_available_is_NoPassphrase_naming_what_it_tried()
    {
        var error = Assert.Throws<CageException>(() => PassphraseResolver.Resolve(
            new[] { PassphraseSource.FromEnvironment(Env(null)), PassphraseSource.FromTerminal("/nonexistent/tty") }, PassphrasePurpose.Decrypt));
        Assert.Equal(CageErrorCode.NoPassphrase, error.Code);
        Assert.Contains(CageEnvironmentVariables.Passphrase, error.Message);
    }

    [Fact]
    public void Default_sources_prefer_an_explicit_file_then_the_variable_then_the_terminal()
    {
        using var temp = new TempDir();
        var file = temp.Write("pass", "from file\n");
        AssertSame("from file", PassphraseResolver.ResolveDefault(PassphrasePurpose.Decrypt, Env("from env"), file));
        AssertSame("from env", PassphraseResolver.ResolveDefault(PassphrasePurpose.Decrypt, Env("from env")));
        var sources = PassphraseResolver.DefaultSources(Env(null), allowPrompt: false);
        Assert.Single(sources);
        Assert.Equal(CageErrorCode.NoPassphrase, Assert.Throws<CageException>(() => PassphraseResolver.Resolve(sources, PassphrasePurpose.Decrypt)).Code);
    }

    private static string Answer(PseudoTerminal terminal, string prompt, string typed)
    {
        var shown = new StringBuilder();
        var deadline = DateTime.UtcNow.AddSeconds(10);
        var buffer = new byte[256];
        while (!shown.ToString().Contains(prompt, StringComparison.Ordinal))
        {
            Assert.True(DateTime.UtcNow < deadline, $"no prompt '{prompt}', saw '{shown}'");
            shown.Append(Encoding.UTF8.GetString(buffer, 0, terminal.Read(buffer, 50)));
        }
        Thread.Sleep(50); // let the prompt switch echo off first, as a human would be slower still
        terminal.Write(Encoding.UTF8.GetBytes(typed));
        return shown.ToString();
    }
}
