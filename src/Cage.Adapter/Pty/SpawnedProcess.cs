using System.ComponentModel;
using System.Runtime.InteropServices;
using Cage.Adapter.Interop;

namespace Cage.Adapter.Pty;

/// <summary>
/// A child started with <c>posix_spawn</c> (never fork from .NET), its fds 0/1/2 wherever
/// <see cref="SpawnStartInfo"/> says: pipes, /dev/null or any descriptor of ours such as an open file. With a
/// <see cref="PseudoTerminal"/> it runs in a new session whose controlling terminal is that terminal; without
/// one it stays in our session (like a child of <see cref="System.Diagnostics.Process"/>). Signal dispositions
/// .NET changes (SIGPIPE ignored) are reset to default in the child. The child is reaped with <c>waitpid</c> on
/// its own pid only; <see cref="Kill"/> and <see cref="Dispose"/> kill its process group when it leads one
/// (new session), so helpers it started cannot hold our pipes open, else the child itself.
/// </summary>
internal sealed class SpawnedProcess : IDisposable
{
    private static readonly int[] DefaultSignals =
        { PtyConstants.SIGPIPE, PtyConstants.SIGHUP, PtyConstants.SIGINT, PtyConstants.SIGQUIT, PtyConstants.SIGTERM };

    private readonly object _gate = new();
    private readonly TaskCompletionSource<ExitStatus> _exited = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly bool _leadsGroup;
    private readonly Action? _whileRunning;
    private bool _reaped; // under _gate: once true the pid may be reused, so never signal it again

    private SpawnedProcess(int pid, bool leadsGroup, Action? whileRunning)
    {
        Pid = pid;
        _leadsGroup = leadsGroup;
        _whileRunning = whileRunning;
        WaiterThreads.Run(WaitForExit);
    }

    /// <summary>The child's process id (also its session and process group id when started with a terminal).</summary>
    public int Pid { get; }

    /// <summary>Completes when the child has exited and been reaped.</summary>
    public Task<ExitStatus> Exited => _exited.Task;

    /// <summary>Spawns the child; throws <see cref="Win32Exception"/> (e.g. ENOENT) when it cannot be started.</summary>
    /// <param name="info">Program, arguments, environment and standard descriptors.</param>
    /// <param name="terminal">The child's controlling terminal, or null to start it without one in our session.</param>
    /// <param name="whileRunning">
    /// Blocking work for the thread that waits for the child, run before it waits (e.g. reading the child's stderr
    /// to its end): saves a second thread or an asynchronous read per child. Its exceptions are ignored.
    /// </param>
    public static unsafe SpawnedProcess Start(SpawnStartInfo info, PseudoTerminal? terminal, Action? whileRunning = null)
    {
        PtySupport.EnsureSupported();
        var attributes = stackalloc byte[PtyConstants.OpaqueBufferSize];
        var actions = stackalloc byte[PtyConstants.OpaqueBufferSize];
        var defaults = stackalloc byte[PtyConstants.OpaqueBufferSize];
        var mask = stackalloc byte[PtyConstants.OpaqueBufferSize];
        using var strings = new NativeStrings();
        Check(Libc.posix_spawnattr_init(attributes), "posix_spawnattr_init");
        Check(Libc.posix_spawn_file_actions_init(actions), "posix_spawn_file_actions_init");
        try
        {
            Libc.sigemptyset(defaults);
            foreach (var signal in DefaultSignals)
                Libc.sigaddset(defaults, signal);
            Libc.sigemptyset(mask);
            Check(Libc.posix_spawnattr_setsigdefault(attributes, defaults), "posix_spawnattr_setsigdefault");
            Check(Libc.posix_spawnattr_setsigmask(attributes, mask), "posix_spawnattr_setsigmask");
            int flags = PtyConstants.POSIX_SPAWN_SETSIGDEF | PtyConstants.POSIX_SPAWN_SETSIGMASK;
            if (terminal is not null)
                flags |= (ushort)PtyConstants.POSIX_SPAWN_SETSID;
            Check(Libc.posix_spawnattr_setflags(attributes, (short)flags), "posix_spawnattr_setflags");
            AddFileActions(actions, info, terminal is null ? 0 : strings.Add(terminal.SlavePath), strings.Add("/dev/null"));

            var argv = strings.AddArray(new[] { info.FileName }.Concat(info.Arguments));
            var envp = strings.AddArray(info.Environment.Select(pair => $"{pair.Key}={pair.Value}"));
            int pid;
            var result = Libc.posix_spawn(&pid, (byte*)strings.Add(info.FileName), actions, attributes, argv, envp);
            if (result != 0)
                throw new Win32Exception(result, $"posix_spawn '{info.FileName}'");
            return new SpawnedProcess(pid, leadsGroup: terminal is not null, whileRunning);
        }
        finally
        {
            Libc.posix_spawn_file_actions_destroy(actions);
            Libc.posix_spawnattr_destroy(attributes);
        }
    }

    /// <summary>SIGKILLs the child (its process group when it leads one), unless it was already reaped. Safe to call repeatedly.</summary>
    public void Kill()
    {
        lock (_gate)
        {
            if (_reaped)
                return;
            // The pid cannot be reused before we reap it, so the group id is still the child's.
            if (!_leadsGroup || Libc.kill(-Pid, PtyConstants.SIGKILL) != 0)
                Libc.kill(Pid, PtyConstants.SIGKILL);
        }
    }

    /// <summary>Kills the child if it still runs and waits until it is reaped: no child outlives its owner.</summary>
    public void Dispose()
    {
        if (!_exited.Task.IsCompleted)
            Kill();
        try
        {
            _exited.Task.Wait(TimeSpan.FromSeconds(30));
        }
        catch (AggregateException)
        {
            // Reaping failed (reported through Exited); nothing more to do here.
        }
    }

    private static unsafe void AddFileActions(byte* actions, SpawnStartInfo info, nint slavePath, nint devNull)
    {
        var streams = new[] { info.StandardInput, info.StandardOutput, info.StandardError };
        for (var target = 0; target < 3; target++)
        {
            var stream = streams[target];
            if (stream.IsNull)
                Check(Libc.posix_spawn_file_actions_addopen(actions, target, (byte*)devNull, target == 0 ? PtyConstants.O_RDONLY : PtyConstants.O_WRONLY, 0), "addopen /dev/null");
            else if (!stream.IsTerminal)
                Check(Libc.posix_spawn_file_actions_adddup2(actions, stream.Descriptor, target), "adddup2");
        }
        if (slavePath == 0)
        {
            if (streams.Any(stream => stream.IsTerminal))
                throw new ArgumentException("a standard stream is the terminal, but no terminal was given", nameof(info));
            return;
        }
        // Opened after setsid and without O_NOCTTY, the slave becomes the controlling terminal (/dev/tty).
        const int TerminalFd = 3;
        Check(Libc.posix_spawn_file_actions_addopen(actions, TerminalFd, (byte*)slavePath, PtyConstants.O_RDWR, 0), "addopen terminal");
        for (var target = 0; target < 3; target++)
        {
            if (streams[target].IsTerminal)
                Check(Libc.posix_spawn_file_actions_adddup2(actions, TerminalFd, target), "adddup2 terminal");
        }
        Check(Libc.posix_spawn_file_actions_addclose(actions, TerminalFd), "addclose terminal");
    }

    private unsafe void WaitForExit()
    {
        try
        {
            _whileRunning?.Invoke();
        }
        catch (Exception)
        {
            // The child's exit status still tells how it ended.
        }
        try
        {
            // Wait without reaping first, so Kill() can still safely signal the (zombie) group meanwhile.
            var siginfo = stackalloc byte[PtyConstants.OpaqueBufferSize];
            while (Libc.waitid(PtyConstants.P_PID, Pid, siginfo, PtyConstants.WEXITED | PtyConstants.WNOWAIT) != 0
                   && Marshal.GetLastPInvokeError() == PtyConstants.EINTR)
            {
            }
            int status;
            int result;
            lock (_gate)
            {
                while ((result = Libc.waitpid(Pid, &status, 0)) < 0 && Marshal.GetLastPInvokeError() == PtyConstants.EINTR)
                {
                }
                _reaped = true;
            }
            if (result == Pid)
                _exited.TrySetResult(ExitStatus.FromWaitStatus(status));
            else
                _exited.TrySetException(new Win32Exception(Marshal.GetLastPInvokeError(), $"waitpid {Pid}"));
        }
        catch (Exception e)
        {
            _exited.TrySetException(e);
        }
    }

    private static void Check(int result, string call)
    {
        if (result != 0)
            throw new Win32Exception(result, call);
    }

    /// <summary>Unmanaged UTF-8 strings and NULL-terminated pointer arrays, freed together.</summary>
    private sealed class NativeStrings : IDisposable
    {
        private readonly List<nint> _allocations = new();

        public nint Add(string value)
        {
            var pointer = Marshal.StringToCoTaskMemUTF8(value);
            _allocations.Add(pointer);
            return pointer;
        }

        public unsafe nint* AddArray(IEnumerable<string> values)
        {
            var list = values.ToList();
            var array = (nint*)Marshal.AllocCoTaskMem((list.Count + 1) * sizeof(nint));
            _allocations.Add((nint)array);
            for (var i = 0; i < list.Count; i++)
                array[i] = Add(list[i]);
            array[list.Count] = 0;
            return array;
        }

        public void Dispose()
        {
            foreach (var pointer in _allocations)
                Marshal.FreeCoTaskMem(pointer);
        }
    }
}
