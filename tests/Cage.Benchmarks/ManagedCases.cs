using Cage.Adapter.Engines;
using Cage.Adapter.Engines.Managed;
using Cage.Adapter.Files;
using Cage.Adapter.Identities;
using Cage.Adapter.Recipients;

namespace Cage.Benchmarks;

/// <summary>
/// The managed engine against the raw age anchors (issue 8): parallel over every core (target 2.0 × age on this
/// 2-core machine) and single-threaded (the honest per-core comparison). The lead appends these to Cases.All.
/// </summary>
internal static class ManagedCases
{
    public static IEnumerable<BenchmarkCase> All(Workspace w)
    {
        var parallel = new ManagedAgeEngine();
        var serial = new ManagedAgeEngine(new ManagedEngineOptions { Parallelism = 1 });
        var recipients = EncryptOptions.ForRecipients(RecipientSet.Empty.Add(w.Recipient));
        var identities = DecryptOptions.ForIdentities(IdentitySource.FromFile(w.KeyFile));

        yield return new("managed-encrypt", $"Managed encrypt, {Environment.ProcessorCount} cores", "raw-encrypt", 2.0, w.Size,
            () => Fresh(w.Out("managed.age"), o => parallel.EncryptFileAsync(w.Input, o, recipients)),
            () => w.VerifyRecipientCiphertext(w.Out("managed.age")));
        yield return new("managed-encrypt-1t", "Managed encrypt, single-threaded", "raw-encrypt", null, w.Size,
            () => Fresh(w.Out("managed1t.age"), o => serial.EncryptFileAsync(w.Input, o, recipients)),
            () => w.VerifyRecipientCiphertext(w.Out("managed1t.age")));
        yield return new("managed-decrypt", $"Managed decrypt, {Environment.ProcessorCount} cores", "raw-decrypt", 2.0, w.Size,
            () => Fresh(w.Out("managed.bin"), o => parallel.DecryptFileAsync(w.RecipientCiphertext, o, identities)),
            () => w.VerifyPlaintext(w.Out("managed.bin")));
        yield return new("managed-decrypt-1t", "Managed decrypt, single-threaded", "raw-decrypt", null, w.Size,
            () => Fresh(w.Out("managed1t.bin"), o => serial.DecryptFileAsync(w.RecipientCiphertext, o, identities)),
            () => w.VerifyPlaintext(w.Out("managed1t.bin")));
    }

    /// <summary>
    /// Removes the previous run's output first, so every run writes a new file as raw <c>age -o</c> effectively
    /// does: replacing a file makes AtomicFile fsync (WriteDurability.Auto), which age never does, and the disk
    /// would then be measured instead of the engine.
    /// </summary>
    private static Task Fresh(string output, Func<string, Task> run)
    {
        File.Delete(output);
        return run(output);
    }
}
