using System.Diagnostics;
using Cage.Adapter.Engines;
using Cage.Adapter.Files;
using Cage.Adapter.Identities;
using Cage.Adapter.Recipients;

namespace Cage.Benchmarks;

/// <summary>
/// Peak RSS of a process that does nothing but one Cage streaming operation: the benchmark starts itself
/// again with <c>--probe</c>, so memory left over by other cases cannot hide or inflate the figure.
/// Compared at the full size and at 64 MiB: flat means streaming memory does not grow with the input.
/// </summary>
internal static class MemoryProbe
{
    public sealed record Result(string Operation, long Bytes, long PeakKib);

    /// <summary>In the child: run one operation and print VmHWM in KiB.</summary>
    public static async Task<int> RunChildAsync(string operation, string input, string keyFile, string recipient)
    {
        IAgeEngine engine = operation.StartsWith("managed-", StringComparison.Ordinal) ? new Cage.Adapter.Engines.Managed.ManagedAgeEngine()
            : operation.StartsWith("pumped-", StringComparison.Ordinal) ? new AgeBinaryEngine(new AgeBinaryEngineOptions { DirectFiles = false })
            : new AgeBinaryEngine();
        var output = input + ".probe-out";
        if (operation.EndsWith("encrypt", StringComparison.Ordinal))
            await engine.EncryptFileAsync(input, output, EncryptOptions.ForRecipients(RecipientSet.Empty.Add(recipient)));
        else
            await engine.DecryptFileAsync(input, output, DecryptOptions.ForIdentities(IdentitySource.FromFile(keyFile)));
        File.Delete(output);
        Console.WriteLine(File.ReadLines("/proc/self/status").First(l => l.StartsWith("VmHWM:", StringComparison.Ordinal)).Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]);
        return 0;
    }

    /// <summary>In the parent: probe encrypt and decrypt (files handed to age, pumped, managed) at the full size and at 64 MiB.</summary>
    public static IReadOnlyList<Result> Measure(Workspace w)
    {
        var prefix = Path.Combine(w.Root, "input-64mib.bin");
        using (var source = File.OpenRead(w.Input))
        using (var target = File.Create(prefix))
            new BoundedReadStream(source, Cases.MemoryReferenceSize).CopyTo(target);
        w.RunAge("-r", w.Recipient, "-o", prefix + ".age", prefix);

        return new[]
        {
            Probe("encrypt", w.Input, w.Size, w),
            Probe("encrypt", prefix, new FileInfo(prefix).Length, w),
            Probe("decrypt", w.RecipientCiphertext, w.Size, w),
            Probe("decrypt", prefix + ".age", new FileInfo(prefix).Length, w),
            // Through our own buffers and pipes, as for any stream that is not a file.
            Probe("pumped-encrypt", w.Input, w.Size, w),
            Probe("pumped-encrypt", prefix, new FileInfo(prefix).Length, w),
            Probe("pumped-decrypt", w.RecipientCiphertext, w.Size, w),
            Probe("pumped-decrypt", prefix + ".age", new FileInfo(prefix).Length, w),
            Probe("managed-encrypt", w.Input, w.Size, w),
            Probe("managed-encrypt", prefix, new FileInfo(prefix).Length, w),
            Probe("managed-decrypt", w.RecipientCiphertext, w.Size, w),
            Probe("managed-decrypt", prefix + ".age", new FileInfo(prefix).Length, w),
        };
    }

    private static Result Probe(string operation, string input, long bytes, Workspace w)
    {
        var self = Environment.ProcessPath!;
        var start = new ProcessStartInfo(self) { RedirectStandardOutput = true, UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(self) == "dotnet")
            start.ArgumentList.Add(typeof(MemoryProbe).Assembly.Location);
        foreach (var arg in new[] { "--probe", operation, input, w.KeyFile, w.Recipient })
            start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd().Trim();
        process.WaitForExit();
        if (process.ExitCode != 0 || !long.TryParse(output.Split('\n')[^1], out var kib))
            throw new InvalidOperationException($"memory probe {operation} {input} failed: {output}");
        return new Result(operation, bytes, kib);
    }
}
