using Cage.Adapter.Engines;
using Cage.Adapter.Passphrases;
using Cage.Testing;
using static Cage.Adapter.Tests.Managed.ManagedHarness;

namespace Cage.Adapter.Tests.Managed;

/// <summary>
/// Random sizes and random read chunkings round-trip; the parallel and serial paths read each other's files.
/// Seeded, so a failure reproduces.
/// </summary>
public sealed class RoundTripPropertyTests
{
    private static readonly string Key = Fixtures.PathOf("x25519.key");
    private static readonly string Recipient = File.ReadAllLines(Key).First(l => l.StartsWith("# public key: "))["# public key: ".Length..];

    public static TheoryData<int> Seeds => new() { 1, 2, 3, 4, 5, 6, 7, 8 };

    [Theory]
    [MemberData(nameof(Seeds))]
    public async Task Random_sizes_and_chunkings_round_trip_across_parallelism(int seed)
    {
        var random = new Random(seed);
        var size = random.Next(4) switch
        {
            0 => random.Next(0, 100),
            1 => 65536 * random.Next(1, 12) + random.Next(-1, 2),
            _ => random.Next(0, 1_500_000),
        };
        var plaintext = RandomData.Bytes(size, seed);
        var writer = Engine(parallelism: random.Next(1, 5));
        var reader = Engine(parallelism: writer.Options.Parallelism == 1 ? 3 : 1);
        var armor = random.Next(3) == 0;

        using var encrypted = new MemoryStream();
        await writer.EncryptAsync(new TricklingStream(plaintext, new Random(seed * 31)), encrypted, To(Recipient) with { Armor = armor });
        using var decrypted = new MemoryStream();
        await reader.DecryptAsync(new TricklingStream(encrypted.ToArray(), new Random(seed * 17)), decrypted, With(Key));

        Assert.Equal(plaintext, decrypted.ToArray());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(65536 * 15)]
    [InlineData(65536 * 15 + 1)]
    [InlineData(65536 * 30 - 1)]
    [InlineData(3_000_000)]
    public async Task Serial_and_parallel_files_are_interchangeable(int size)
    {
        var plaintext = RandomData.Bytes(size);
        var serial = await EncryptAsync(Engine(parallelism: 1), plaintext, To(Recipient));
        var parallel = await EncryptAsync(Engine(parallelism: 4), plaintext, To(Recipient));

        Assert.Equal(plaintext, await DecryptAsync(Engine(parallelism: 4), serial, With(Key)));
        Assert.Equal(plaintext, await DecryptAsync(Engine(parallelism: 1), parallel, With(Key)));
        Assert.Equal(serial.Length, parallel.Length);
    }

    [Fact]
    public async Task Passphrase_round_trips_at_a_low_work_factor()
    {
        var secret = Passphrase.FromString("pässword ✓");
        var plaintext = RandomData.Bytes(200_000);
        var encrypted = await EncryptAsync(Engine(workFactor: 4), plaintext, EncryptOptions.ForPassphrase(secret, armor: true));
        Assert.Equal(plaintext, await DecryptAsync(Engine(), encrypted, DecryptOptions.ForPassphrase(secret)));
    }

    [Fact]
    public async Task Output_size_matches_the_format()
    {
        var plaintext = RandomData.Bytes(65536 * 2 + 5);
        var encrypted = await EncryptAsync(Engine(), plaintext, To(Recipient));
        var payload = encrypted.Length - Crafted.HeaderLength(encrypted);
        Assert.Equal(16 + plaintext.Length + 3 * 16, payload);
    }

    /// <summary>Returns data in random short reads, as pipes do.</summary>
    private sealed class TricklingStream : MemoryStream
    {
        private readonly Random _random;

        public TricklingStream(byte[] data, Random random) : base(data) => _random = random;

        public override int Read(byte[] buffer, int offset, int count) => base.Read(buffer, offset, Math.Min(count, _random.Next(1, 70_000)));

        public override int Read(Span<byte> buffer) => base.Read(buffer[..Math.Min(buffer.Length, _random.Next(1, 70_000))]);

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            new(Read(buffer.Span));

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            Task.FromResult(Read(buffer, offset, count));
    }
}
