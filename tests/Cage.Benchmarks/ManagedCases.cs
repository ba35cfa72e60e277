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
            () => parallel.EncryptFileAsync(w.Input, w.Out("managed.age"), recipients),
            () => w.VerifyRecipientCiphertext(w.Out("managed.age")));
        yield return new("managed-encrypt-1t", "Managed encrypt, single-threaded", "raw-encrypt", null, w.Size,
            () => serial.EncryptFileAsync(w.Input, w.Out("managed1t.age"), recipients),
            () => w.VerifyRecipientCiphertext(w.Out("managed1t.age")));
        yield return new("managed-decrypt", $"Managed decrypt, {Environment.ProcessorCount} cores", "raw-decrypt", 2.0, w.Size,
            () => parallel.DecryptFileAsync(w.RecipientCiphertext, w.Out("managed.bin"), identities),
            () => w.VerifyPlaintext(w.Out("managed.bin")));
        yield return new("managed-decrypt-1t", "Managed decrypt, single-threaded", "raw-decrypt", null, w.Size,
            () => serial.DecryptFileAsync(w.RecipientCiphertext, w.Out("managed1t.bin"), identities),
            () => w.VerifyPlaintext(w.Out("managed1t.bin")));
    }
}
