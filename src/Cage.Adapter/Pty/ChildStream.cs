namespace Cage.Adapter.Pty;

/// <summary>What one of a child's standard descriptors (0, 1, 2) is connected to.</summary>
internal readonly record struct ChildStream
{
    private ChildStream(int descriptor) => Descriptor = descriptor;

    /// <summary>A descriptor of ours (a pipe end) duplicated onto the child's; -1 for /dev/null, -2 for the terminal.</summary>
    public int Descriptor { get; }

    /// <summary><c>/dev/null</c>.</summary>
    public static ChildStream Null { get; } = new(-1);

    /// <summary>The pseudo-terminal (the child's controlling terminal).</summary>
    public static ChildStream Terminal { get; } = new(-2);

    /// <summary>One of our descriptors, e.g. a pipe end.</summary>
    public static ChildStream FromDescriptor(int fd) =>
        fd >= 0 ? new ChildStream(fd) : throw new ArgumentOutOfRangeException(nameof(fd));

    public bool IsNull => Descriptor == -1;
    public bool IsTerminal => Descriptor == -2;
}
