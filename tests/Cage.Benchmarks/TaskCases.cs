using Cage.Build.Tasks;
using Microsoft.Build.Utilities;

namespace Cage.Benchmarks;

/// <summary>The MSBuild CageDecrypt task on one large item, hosted in-process: the task's own time.</summary>
internal static class TaskCases
{
    public static IEnumerable<BenchmarkCase> All(Workspace w)
    {
        yield return new("msbuild-decrypt", "MSBuild CageDecrypt task, one large item", "raw-decrypt", 0.95, w.Size,
            () => System.Threading.Tasks.Task.Run(() => RunDecryptTask(w)), () => w.VerifyPlaintext(w.Out("task.bin")));
    }

    private static void RunDecryptTask(Workspace w)
    {
        var item = new TaskItem(w.RecipientCiphertext);
        item.SetMetadata("OutputPath", w.Out("task.bin"));
        var engine = new QuietBuildEngine();
        var task = new CageDecrypt { BuildEngine = engine, Files = new[] { item }, IdentityFiles = new[] { w.KeyFile } };
        if (!task.Execute())
            throw new InvalidOperationException("CageDecrypt failed: " + string.Join("; ", engine.Errors));
    }
}
