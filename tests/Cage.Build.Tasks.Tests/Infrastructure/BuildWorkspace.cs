using System.Xml.Linq;

namespace Cage.Build.Tasks.Tests.Infrastructure;

/// <summary>
/// A folder outside the repository for generated projects: it stops MSBuild's upward search for
/// Directory.Build.* / Directory.Packages.props (so the repo's settings never apply) and has a nuget.config that
/// adds the local test feed to the machine's default sources and restores into a per-run packages folder.
/// </summary>
public static class BuildWorkspace
{
    public static void Prepare(string root, string feed, string packagesFolder)
    {
        Directory.CreateDirectory(root);
        foreach (var name in new[] { "Directory.Build.props", "Directory.Build.targets", "Directory.Packages.props" })
            File.WriteAllText(Path.Combine(root, name), "<Project>\n  <!-- Stops MSBuild looking further up. -->\n</Project>\n");
        File.WriteAllText(Path.Combine(root, "nuget.config"), NuGetConfig(feed, packagesFolder));
    }

    /// <summary>Keeps the default sources (the SDK's own packages come from there) and adds the local feed.</summary>
    public static string NuGetConfig(string feed, string packagesFolder) =>
        new XDocument(new XElement("configuration",
            new XElement("config", new XElement("add", new XAttribute("key", "globalPackagesFolder"), new XAttribute("value", packagesFolder))),
            new XElement("packageSources", new XElement("add", new XAttribute("key", "cage-test-feed"), new XAttribute("value", feed))))).ToString() + "\n";
}
