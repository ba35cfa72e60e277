using System.Diagnostics;
using System.Text;
using Cage.Adapter.Binary;
using Cage.Adapter.Files;

namespace Cage.Adapter.Keys;

/// <summary>
/// Key management through <c>age-keygen</c>. The new key goes from age-keygen's stdout straight into an
/// <see cref="AtomicFile"/> created 0600, so it is never on disk with wider permissions (age-keygen's own
/// <c>-o</c> would create it with the umask first).
/// </summary>
public sealed class AgeKeygen : IKeyGenerator
{
    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const UnixFileMode OwnerOnlyFolder = OwnerOnly | UnixFileMode.UserExecute;
    private const string PublicKeyMarker = "# public key: ";

    /// <summary>Locates age-keygen now (explicit path, CAGE_AGE_KEYGEN_PATH, PATH).</summary>
    public AgeKeygen(string? explicitPath = null, CageEnvironment? environment = null) =>
        Binary = AgeLocator.LocateAgeKeygen(explicitPath, environment);

    /// <summary>The age-keygen binary in use.</summary>
    public AgeBinary Binary { get; }

    /// <summary>Writes a new identity to <paramref name="path"/> (0600); refuses to replace a file unless <paramref name="overwrite"/>.</summary>
    public async Task<GeneratedKey> GenerateAsync(string path, bool overwrite, CancellationToken cancellationToken = default)
    {
        if (File.Exists(path) && !overwrite)
            throw new CageException(CageErrorCode.OutputExists, $"'{path}'");
        EnsurePrivateFolder(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var output = await RunAsync(Array.Empty<string>(), stdin: null, cancellationToken).ConfigureAwait(false);
        try
        {
            var recipient = ReadPublicKeyComment(output);
            await using var file = AtomicFile.Create(path, OwnerOnly);
            await file.Stream.WriteAsync(output, cancellationToken).ConfigureAwait(false);
            await file.CommitAsync(cancellationToken).ConfigureAwait(false);
            return new GeneratedKey(Path.GetFullPath(path), recipient);
        }
        finally
        {
            Array.Clear(output);
        }
    }

    /// <summary>The recipients of the identities in a key file (<c>age-keygen -y FILE</c>).</summary>
    public async Task<IReadOnlyList<string>> DeriveRecipientsAsync(string identityPath, CancellationToken cancellationToken = default)
    {
        if (!File.Exists(identityPath))
            throw new CageException(CageErrorCode.InputNotFound, $"'{identityPath}'");
        var output = await RunAsync(new[] { "-y", identityPath }, stdin: null, cancellationToken).ConfigureAwait(false);
        return Lines(output);
    }

    /// <summary>The recipients of identity contents given in memory (fed to <c>age-keygen -y</c> on stdin).</summary>
    public async Task<IReadOnlyList<string>> DeriveRecipientsFromContentsAsync(byte[] identity, CancellationToken cancellationToken = default)
    {
        var output = await RunAsync(new[] { "-y" }, identity, cancellationToken).ConfigureAwait(false);
        return Lines(output);
    }

    private static IReadOnlyList<string> Lines(byte[] output) =>
        Encoding.UTF8.GetString(output).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static string ReadPublicKeyComment(byte[] keyFile)
    {
        var line = Encoding.UTF8.GetString(keyFile).Split('\n').FirstOrDefault(l => l.StartsWith(PublicKeyMarker, StringComparison.Ordinal));
        if (line is null)
            throw new CageException(CageErrorCode.InvalidAgeOutput, "age-keygen printed no public key");
        return line[PublicKeyMarker.Length..].Trim();
    }

    private async Task<byte[]> RunAsync(IReadOnlyList<string> arguments, byte[]? stdin, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(Binary.Path)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        // Secret-bearing variables never reach a child (age-keygen has no use for them).
        foreach (var name in CageEnvironmentVariables.Secrets)
            start.Environment.Remove(name);
        using var process = Process.Start(start) ?? throw new CageException(CageErrorCode.AgeKeygenNotFound, $"'{Binary.Path}' could not be started");
        using var kill = cancellationToken.Register(() => TryKill(process));
        using var stdout = new MemoryStream();
        var copy = process.StandardOutput.BaseStream.CopyToAsync(stdout, cancellationToken);
        var errors = process.StandardError.ReadToEndAsync(cancellationToken);
        if (stdin is not null)
            await process.StandardInput.BaseStream.WriteAsync(stdin, cancellationToken).ConfigureAwait(false);
        process.StandardInput.Close();
        await copy.ConfigureAwait(false);
        var message = await errors.ConfigureAwait(false);
        await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        if (process.ExitCode != 0)
        {
            var code = arguments.Contains("-y") ? CageErrorCode.InvalidIdentity : CageErrorCode.AgeFailed;
            throw new CageException(code, $"age-keygen: {FirstLine(message)}");
        }
        var bytes = stdout.ToArray();
        Array.Clear(stdout.GetBuffer()); // it may hold a secret key
        return bytes;
    }

    private static string FirstLine(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault()?.Trim() ?? "failed";

    private static void TryKill(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
        }
    }

    private static void EnsurePrivateFolder(string folder)
    {
        if (Directory.Exists(folder))
            return;
        if (OperatingSystem.IsWindows())
            Directory.CreateDirectory(folder);
        else
            Directory.CreateDirectory(folder, OwnerOnlyFolder);
    }
}
