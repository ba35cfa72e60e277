namespace Cage.Adapter.Files;

/// <summary>When an atomic write waits for the data to reach the disk (fsync) before the rename.</summary>
public enum WriteDurability
{
    /// <summary>
    /// fsync when the rename replaces an existing file, so a power loss can never leave a replaced file empty.
    /// A new file is renamed without waiting: a process crash cannot lose it, and a power loss can at worst leave
    /// it empty while its source is intact. Callers that delete the source afterwards ask for <see cref="Always"/>.
    /// </summary>
    Auto,

    /// <summary>Always fsync before the rename (e.g. before the source is removed).</summary>
    Always,
}
