using Cage.Adapter.Batch;
using Cage.Adapter.Engines;
using Cage.Adapter.Files;
using Cage.Adapter.Identities;
using Cage.Adapter.Recipients;

namespace Cage.Benchmarks;

/// <summary>Every case, in the order they are run within one round (anchors before their candidates).</summary>
internal static class Cases
{
    private const int SmallFileCount = 200;
    private const int SmallFileSize = 1024;
    public const long MemoryReferenceSize = 64L << 20;

    public static IReadOnlyList<BenchmarkCase> All(Workspace w)
    {
        var engine = new AgeBinaryEngine();
        // Pumped: as for any stream that is not a file (pipes, network, memory); the buffer sizes were measured here.
        var pumped = new AgeBinaryEngine(new AgeBinaryEngineOptions { DirectFiles = false });
        var pumped64K = new AgeBinaryEngine(new AgeBinaryEngineOptions { DirectFiles = false, BufferSize = 64 * 1024 });
        var recipients = EncryptOptions.ForRecipients(RecipientSet.Empty.Add(w.Recipient));
        var identities = DecryptOptions.ForIdentities(IdentitySource.FromFile(w.KeyFile));

        return new List<BenchmarkCase>
        {
            new("raw-encrypt", "raw `age -r -o OUT IN` (file)", null, null, w.Size,
                () => Task.Run(() => w.RunAge("-r", w.Recipient, "-o", w.Out("raw.age"), w.Input)),
                () => w.VerifyRecipientCiphertext(w.Out("raw.age"))),
            new("cage-encrypt", "Cage recipient encrypt, file-to-file (files as age's stdin/stdout, default)", "raw-encrypt", 0.95, w.Size,
                () => engine.EncryptFileAsync(w.Input, w.Out("cage.age"), recipients),
                () => w.VerifyRecipientCiphertext(w.Out("cage.age"))),
            new("cage-encrypt-pumped", "Cage recipient encrypt, pumped through pipes (1 MiB buffers)", "raw-encrypt", null, w.Size,
                () => pumped.EncryptFileAsync(w.Input, w.Out("cagepumped.age"), recipients),
                () => w.VerifyRecipientCiphertext(w.Out("cagepumped.age"))),
            new("cage-encrypt-64k", "Cage recipient encrypt, pumped through pipes (64 KiB buffers)", "raw-encrypt", null, w.Size,
                () => pumped64K.EncryptFileAsync(w.Input, w.Out("cage64k.age"), recipients),
                () => w.VerifyRecipientCiphertext(w.Out("cage64k.age"))),
            new("cage-encrypt-64mib", "Cage recipient encrypt of the first 64 MiB (memory reference)", null, null, Math.Min(MemoryReferenceSize, w.Size),
                () => EncryptPrefixAsync(engine, w, recipients),
                () => { }),
            new("raw-decrypt", "raw `age -d -i KEY -o OUT IN` (file)", null, null, w.Size,
                () => Task.Run(() => w.RunAge("-d", "-i", w.KeyFile, "-o", w.Out("raw.bin"), w.RecipientCiphertext)),
                () => w.VerifyPlaintext(w.Out("raw.bin"))),
            new("cage-decrypt", "Cage identity decrypt, file-to-file (files as age's stdin/stdout, default)", "raw-decrypt", 0.95, w.Size,
                () => engine.DecryptFileAsync(w.RecipientCiphertext, w.Out("cage.bin"), identities),
                () => w.VerifyPlaintext(w.Out("cage.bin"))),
            new("cage-decrypt-pumped", "Cage identity decrypt, pumped through pipes (1 MiB buffers)", "raw-decrypt", null, w.Size,
                () => pumped.DecryptFileAsync(w.RecipientCiphertext, w.Out("cagepumped.bin"), identities),
                () => w.VerifyPlaintext(w.Out("cagepumped.bin"))),
            new("cage-decrypt-64k", "Cage identity decrypt, pumped through pipes (64 KiB buffers)", "raw-decrypt", null, w.Size,
                () => pumped64K.DecryptFileAsync(w.RecipientCiphertext, w.Out("cage64k.bin"), identities),
                () => w.VerifyPlaintext(w.Out("cage64k.bin"))),
        }
        .Concat(TaskCases.All(w))
        .Concat(ManagedCases.All(w))
        .Concat(PassphraseCases.All(w))
        .Concat(new List<BenchmarkCase>
        {
            new("raw-small-serial", $"raw age, serial loop over {SmallFileCount} × 1 KiB files", null, null, SmallFileCount * SmallFileSize,
                () => Task.Run(() => SmallFilesSerial(w)),
                () => VerifySmallFiles(w, ".raw.age")),
            new("cage-small-parallel", $"Cage parallel batch over {SmallFileCount} × 1 KiB files", "raw-small-serial", 1.8, SmallFileCount * SmallFileSize,
                () => SmallFilesParallelAsync(engine, w, recipients),
                () => VerifySmallFiles(w, ".cage.age")),
        }).ToList();
    }

    private static async Task EncryptPrefixAsync(IAgeEngine engine, Workspace w, EncryptOptions options)
    {
        await using var input = new BoundedReadStream(AgeFileOperations.OpenInput(w.Input), MemoryReferenceSize);
        await using var output = AtomicFile.Create(w.Out("prefix.age"));
        await engine.EncryptAsync(input, output.Stream, options);
        await output.CommitAsync();
    }

    public static void PrepareSmallFiles(Workspace w)
    {
        Directory.CreateDirectory(w.SmallFilesDir);
        var random = new Random(7);
        var data = new byte[SmallFileSize];
        for (var i = 0; i < SmallFileCount; i++)
        {
            random.NextBytes(data);
            File.WriteAllBytes(Path.Combine(w.SmallFilesDir, $"file{i:D3}.bin"), data);
        }
    }

    private static IEnumerable<string> SmallFiles(Workspace w) =>
        Enumerable.Range(0, SmallFileCount).Select(i => Path.Combine(w.SmallFilesDir, $"file{i:D3}.bin"));

    /// <summary>Each round locks new files, as a first `lock --recursive` would: earlier outputs are removed first.</summary>
    private static void RemoveOutputs(Workspace w, string suffix)
    {
        foreach (var file in SmallFiles(w))
            File.Delete(file + suffix);
    }

    private static void SmallFilesSerial(Workspace w)
    {
        RemoveOutputs(w, ".raw.age");
        foreach (var file in SmallFiles(w))
            w.RunAge("-r", w.Recipient, "-o", file + ".raw.age", file);
    }

    /// <summary>The tool's batch path (lock --recursive): BatchRunner with its default parallelism.</summary>
    private static async Task SmallFilesParallelAsync(IAgeEngine engine, Workspace w, EncryptOptions options)
    {
        RemoveOutputs(w, ".cage.age");
        var results = await BatchRunner.RunAsync(SmallFiles(w).ToList(), async (file, ct) =>
        {
            await engine.EncryptFileAsync(file, file + ".cage.age", options, ct);
            return file + ".cage.age";
        });
        if (results.FirstOrDefault(r => !r.Succeeded) is { } failed)
            throw new InvalidOperationException($"batch failed on {failed.Path}: {failed.Error?.Message}");
    }

    private static void VerifySmallFiles(Workspace w, string suffix)
    {
        foreach (var file in SmallFiles(w).Take(5))
        {
            var check = file + ".check";
            w.RunAge("-d", "-i", w.KeyFile, "-o", check, file + suffix);
            if (!File.ReadAllBytes(check).AsSpan().SequenceEqual(File.ReadAllBytes(file)))
                throw new InvalidOperationException($"{file}{suffix} does not decrypt to {file}");
            File.Delete(check);
        }
    }
}
