using System.Text;
using System.Xml.Linq;

namespace Cage.Build.Tasks.Tests.Infrastructure;

/// <summary>
/// Writes a small throwaway SDK project (csproj, Program.cs, extra files) for real <c>dotnet build</c> runs.
/// Fluent and immutable-ish: each call adds to the description, <see cref="WriteTo"/> puts it on disk.
/// The XML is built with XElement, so paths and metadata are escaped correctly.
/// </summary>
public sealed class ProjectBuilder
{
    private readonly string _name;
    private readonly List<(string Name, string Value)> _properties = new();
    private readonly List<XElement> _items = new();
    private readonly Dictionary<string, byte[]> _files = new(StringComparer.Ordinal);

    private ProjectBuilder(string name) => _name = name;

    /// <summary>A console app targeting net10.0 (whose targeting pack ships with the SDK: nothing to download).</summary>
    public static ProjectBuilder Console(string name) => new ProjectBuilder(name)
        .Property("OutputType", "Exe")
        .Property("TargetFramework", "net10.0")
        .Property("Nullable", "enable")
        .File("Program.cs", "System.Console.WriteLine(\"cage sample\");\n");

    public string Name => _name;

    public ProjectBuilder Property(string name, string value)
    {
        _properties.Add((name, value));
        return this;
    }

    public ProjectBuilder PackageReference(string id, string version) =>
        Item("PackageReference", id, ("Version", version), ("PrivateAssets", "all"));

    /// <summary>An item; metadata become attributes.</summary>
    public ProjectBuilder Item(string type, string include, params (string Name, string Value)[] metadata)
    {
        var element = new XElement(type, new XAttribute("Include", include));
        foreach (var (name, value) in metadata)
            element.Add(new XAttribute(name, value));
        _items.Add(element);
        return this;
    }

    public ProjectBuilder File(string relativePath, byte[] contents)
    {
        _files[relativePath] = contents;
        return this;
    }

    public ProjectBuilder File(string relativePath, string contents) => File(relativePath, Encoding.UTF8.GetBytes(contents));

    /// <summary>The project file's XML.</summary>
    public string ToXml()
    {
        var project = new XElement("Project", new XAttribute("Sdk", "Microsoft.NET.Sdk"),
            new XElement("PropertyGroup", _properties.Select(p => new XElement(p.Name, p.Value))));
        if (_items.Count > 0)
            project.Add(new XElement("ItemGroup", _items));
        return project.ToString() + "\n";
    }

    /// <summary>Writes <c>folder/NAME/NAME.csproj</c> and the files; returns the project folder.</summary>
    public GeneratedProject WriteTo(string folder)
    {
        var projectFolder = Path.Combine(folder, _name);
        Directory.CreateDirectory(projectFolder);
        var projectPath = Path.Combine(projectFolder, _name + ".csproj");
        System.IO.File.WriteAllText(projectPath, ToXml());
        foreach (var (relative, contents) in _files)
        {
            var path = Path.Combine(projectFolder, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            System.IO.File.WriteAllBytes(path, contents);
        }
        return new GeneratedProject(projectFolder, projectPath);
    }
}

/// <summary>A project on disk.</summary>
public sealed record GeneratedProject(string Folder, string ProjectPath)
{
    public string File(string relative) => Path.Combine(Folder, relative);

    public string Bin(string relative, string configuration = "Debug") => Path.Combine(Folder, "bin", configuration, "net10.0", relative);

    public string Obj(string relative, string configuration = "Debug") => Path.Combine(Folder, "obj", configuration, "net10.0", relative);
}
