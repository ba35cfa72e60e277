using System.Diagnostics;
using System.Security.Cryptography;
using Cage.Adapter.Binary;

namespace Cage.Benchmarks;

/// <summary>The benchmark's files: one random input, keys, and ciphertexts made once by raw age.</summary>
internal sealed class Workspace : IDisposable
{
    private Workspace(string root, long size)
    {
        Root = root;
        Size = size;
    }

    public string Root { get; }
    public long Size { get; }
    public string Input => Path.Combine(Root, "input.bin");
    public string InputSha256 { get; private set; } = "";
    public string KeyFile => Path.Combine(Root, "key.txt");
    public string Recipient { get; private set; } = "";
    public string RecipientCiphertext => Path.Combine(Root, "input.bin.age");
    public string SmallFilesDir => Path.Combine(Root, "small");
    private static readonly AgeBinary Age = AgeLocator.LocateAge();
    public string AgePath => Age.Path;
    public string AgeVersion => Age.Version;

    public string Out(string name) => Path.Combine(Root, "out-" + name);

    /// <summary>
    /// Writes and deletes <paramref name="bytes"/> of scratch data in the work folder, so the run that follows writes
    /// into memory the guest has just used. On this VM, writing into memory it has not used for a while cost up to
    /// 7× more (cp of 1 GiB on tmpfs: 2.5 s into such memory, 0.45 s right after deleting a file as large), and that
    /// cost landed on whichever case happened to run then, anchor or candidate.
    /// </summary>
    public void WarmMemory(long bytes)
    {
        var scratch = Path.Combine(Root, "warm.scratch");
        var chunk = new byte[1 << 20];
        using (var file = new FileStream(scratch, FileMode.Create, FileAccess.Write, FileShare.None, bufferSize: 0))
        {
            for (long written = 0; written < bytes; written += chunk.Length)
                file.Write(chunk);
        }
        File.Delete(scratch);
    }

    /// <summary>Deletes every case's output (not the prepared inputs and ciphertexts).</summary>
    public void RemoveOutputs()
    {
        foreach (var file in Directory.EnumerateFiles(Root, "out-*"))
            File.Delete(file);
    }

    public static Workspace Create(string root, long size)
    {
        Directory.CreateDirectory(root);
        var workspace = new Workspace(root, size);
        workspace.WriteRandomInput();
        workspace.MakeKey();
        workspace.RunAge("-r", workspace.Recipient, "-o", workspace.RecipientCiphertext, workspace.Input);
        return workspace;
    }

    private void WriteRandomInput()
    {
        using var file = File.Create(Input);
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[1 << 20];
        for (long written = 0; written < Size; written += buffer.Length)
        {
            var count = (int)Math.Min(buffer.Length, Size - written);
            RandomNumberGenerator.Fill(buffer.AsSpan(0, count));
            file.Write(buffer, 0, count);
            sha.AppendData(buffer, 0, count);
        }
        InputSha256 = Convert.ToHexString(sha.GetHashAndReset());
    }

    private void MakeKey()
    {
        var keygen = AgeLocator.LocateAgeKeygen().Path;
        var start = new ProcessStartInfo(keygen, new[] { "-o", KeyFile }) { RedirectStandardError = true };
        using (var process = Process.Start(start)!)
        {
            process.WaitForExit();
        }
        Recipient = File.ReadLines(KeyFile).First(l => l.StartsWith("# public key: ", StringComparison.Ordinal))["# public key: ".Length..];
    }

    /// <summary>Runs raw age with file arguments, as the anchors do.</summary>
    public void RunAge(params string[] arguments)
    {
        var start = new ProcessStartInfo(AgePath, arguments) { RedirectStandardError = true, UseShellExecute = false };
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"age {string.Join(' ', arguments)} failed: {stderr}");
    }

    public static string Sha256Of(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexString(SHA256.HashData(stream));
    }

    /// <summary>Checks that <paramref name="plaintextPath"/> is the input, byte for byte (by SHA-256).</summary>
    public void VerifyPlaintext(string plaintextPath)
    {
        var actual = Sha256Of(plaintextPath);
        if (actual != InputSha256)
            throw new InvalidOperationException($"{plaintextPath}: SHA-256 {actual} differs from the input's {InputSha256}");
    }

    /// <summary>Decrypts a recipient ciphertext with raw age and checks it against the input.</summary>
    public void VerifyRecipientCiphertext(string ciphertextPath)
    {
        var check = Out("verify.bin");
        RunAge("-d", "-i", KeyFile, "-o", check, ciphertextPath);
        VerifyPlaintext(check);
        File.Delete(check);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
