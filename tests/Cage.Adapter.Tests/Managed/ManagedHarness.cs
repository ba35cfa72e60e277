using Cage.Adapter.Engines;
using Cage.Adapter.Engines.Managed;
using Cage.Adapter.Identities;
using Cage.Adapter.Recipients;

namespace Cage.Adapter.Tests.Managed;

/// <summary>Runs the managed engine over byte arrays.</summary>
internal static class ManagedHarness
{
    public static ManagedAgeEngine Engine(int parallelism = 2, int workFactor = 10, int maxWorkFactor = 22) =>
        new(new ManagedEngineOptions { Parallelism = parallelism, WorkFactor = workFactor, MaxWorkFactor = maxWorkFactor });

    public static async Task<byte[]> EncryptAsync(IAgeEngine engine, byte[] plaintext, EncryptOptions options)
    {
        using var output = new MemoryStream();
        await engine.EncryptAsync(new MemoryStream(plaintext), output, options);
        return output.ToArray();
    }

    public static async Task<byte[]> DecryptAsync(IAgeEngine engine, byte[] ciphertext, DecryptOptions options)
    {
        using var output = new MemoryStream();
        await engine.DecryptAsync(new MemoryStream(ciphertext), output, options);
        return output.ToArray();
    }

    public static EncryptOptions To(params string[] recipients) =>
        EncryptOptions.ForRecipients(recipients.Aggregate(RecipientSet.Empty, (set, r) => set.Add(r)));

    public static DecryptOptions With(params string[] identityFiles) =>
        DecryptOptions.ForIdentities(identityFiles.Select(IdentitySource.FromFile).ToArray());

    public static async Task<CageErrorCode> DecryptErrorAsync(IAgeEngine engine, byte[] ciphertext, DecryptOptions options)
    {
        var e = await Assert.ThrowsAsync<CageException>(() => DecryptAsync(engine, ciphertext, options));
        return e.Code;
    }
}
