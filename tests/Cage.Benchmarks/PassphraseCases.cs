using Cage.Adapter;
using Cage.Adapter.Binary;
using Cage.Adapter.Engines;
using Cage.Adapter.Files;
using Cage.Adapter.Passphrases;

namespace Cage.Benchmarks;

/// <summary>
/// Passphrase paths. The anchor is raw <c>age -p -o OUT IN</c> (and <c>age -d -o OUT IN</c>) with a minimal PTY
/// pump that only answers the prompt: age reads and writes the files itself, as our predecessor measured.
/// </summary>
internal static class PassphraseCases
{
    private static readonly Passphrase Secret = Passphrase.FromString("correct horse battery staple, benchmark only");

    public static string Ciphertext(Workspace w) => Path.Combine(w.Root, "input.bin.pass.age");

    public static void Prepare(Workspace w) => RawAsync(w, AgeOperation.Encrypt, Ciphertext(w), w.Input).GetAwaiter().GetResult();

    public static IEnumerable<BenchmarkCase> All(Workspace w)
    {
        var pipe = new AgeBinaryEngine(new AgeBinaryEngineOptions { Strategy = StreamingStrategy.Pipe });
        var tempFile = new AgeBinaryEngine(new AgeBinaryEngineOptions { Strategy = StreamingStrategy.TempFile });
        var encrypt = EncryptOptions.ForPassphrase(Secret);
        var decrypt = DecryptOptions.ForPassphrase(Secret);

        yield return new("raw-pass-encrypt", "raw `age -p -o OUT IN` through a minimal PTY pump", null, null, w.Size,
            () => RawAsync(w, AgeOperation.Encrypt, w.Out("rawp.age"), w.Input), () => VerifyPassphraseCiphertext(w, w.Out("rawp.age")));
        yield return new("cage-pipe-encrypt", "Cage passphrase encrypt, `pipe` strategy", "raw-pass-encrypt", 0.90, w.Size,
            () => pipe.EncryptFileAsync(w.Input, w.Out("pipe.age"), encrypt), () => VerifyPassphraseCiphertext(w, w.Out("pipe.age")));
        yield return new("cage-tempfile-encrypt", "Cage passphrase encrypt, `tempfile` strategy", "raw-pass-encrypt", 0.50, w.Size,
            () => tempFile.EncryptFileAsync(w.Input, w.Out("tempfile.age"), encrypt), () => VerifyPassphraseCiphertext(w, w.Out("tempfile.age")));
        yield return new("raw-pass-decrypt", "raw `age -d -o OUT IN` (passphrase) through a minimal PTY pump", null, null, w.Size,
            () => RawAsync(w, AgeOperation.Decrypt, w.Out("rawp.bin"), Ciphertext(w)), () => w.VerifyPlaintext(w.Out("rawp.bin")));
        yield return new("cage-pipe-decrypt", "Cage passphrase decrypt, `pipe` strategy", "raw-pass-decrypt", 0.90, w.Size,
            () => pipe.DecryptFileAsync(Ciphertext(w), w.Out("pipe.bin"), decrypt), () => w.VerifyPlaintext(w.Out("pipe.bin")));
        yield return new("cage-tempfile-decrypt", "Cage passphrase decrypt, `tempfile` strategy", "raw-pass-decrypt", 0.50, w.Size,
            () => tempFile.DecryptFileAsync(Ciphertext(w), w.Out("tempfile.bin"), decrypt), () => w.VerifyPlaintext(w.Out("tempfile.bin")));
    }

    private static Task RawAsync(Workspace w, AgeOperation operation, string output, string input)
    {
        var age = AgeLocator.LocateAge();
        var argv = operation == AgeOperation.Encrypt
            ? AgeArguments.EncryptWithPassphrase(armor: false, output, input)
            : AgeArguments.DecryptWithPassphrase(output, input);
        var settings = new PassphraseRunSettings(operation, 1 << 16, null, TimeSpan.FromSeconds(60), w.Root, CageEnvironment.Process);
        return PtyAgeRun.RunAsync(age, argv, Secret, input: null, output: null, settings, CancellationToken.None);
    }

    /// <summary>Decrypts with the raw anchor path and checks the SHA-256 against the input.</summary>
    private static void VerifyPassphraseCiphertext(Workspace w, string ciphertext)
    {
        var check = w.Out("verify-pass.bin");
        RawAsync(w, AgeOperation.Decrypt, check, ciphertext).GetAwaiter().GetResult();
        w.VerifyPlaintext(check);
        File.Delete(check);
    }
}
