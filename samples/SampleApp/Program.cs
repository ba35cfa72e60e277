using System.Text.Json;

// A tiny app that reads layered settings the way ASP.NET Core does: appsettings.json, then
// appsettings.{Environment}.json beside the executable. The Production file exists only because
// Cage.Build decrypted secrets/appsettings.Production.json.age during the build.
var environment = Environment.GetEnvironmentVariable("DOTNET_ENVIRONMENT") ?? "Production";
var settings = new SortedDictionary<string, (string Value, string Source)>(StringComparer.Ordinal);

foreach (var name in new[] { "appsettings.json", $"appsettings.{environment}.json" })
{
    var path = Path.Combine(AppContext.BaseDirectory, name);
    if (!File.Exists(path))
    {
        Console.WriteLine($"{name}: not found");
        continue;
    }
    using var document = JsonDocument.Parse(File.ReadAllText(path));
    Flatten(document.RootElement, prefix: "", name, settings);
}

Console.WriteLine($"Settings for environment '{environment}':");
foreach (var (key, (value, source)) in settings)
    Console.WriteLine($"  {key} = {Mask(key, value)}   (from {source})");

static void Flatten(JsonElement element, string prefix, string source, IDictionary<string, (string, string)> into)
{
    if (element.ValueKind != JsonValueKind.Object)
    {
        into[prefix] = (element.ToString(), source);
        return;
    }
    foreach (var property in element.EnumerateObject())
        Flatten(property.Value, prefix.Length == 0 ? property.Name : $"{prefix}:{property.Name}", source, into);
}

// Even demo secrets are not printed whole: show enough to recognise them.
static string Mask(string key, string value) =>
    key.Contains("Key", StringComparison.OrdinalIgnoreCase) || value.Contains("Password=", StringComparison.OrdinalIgnoreCase)
        ? $"{value[..Math.Min(12, value.Length)]}... ({value.Length} chars)"
        : value;
