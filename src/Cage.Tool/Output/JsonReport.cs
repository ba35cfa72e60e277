using System.Text.Json;
using System.Text.Json.Serialization;
using Cage.Adapter;

namespace Cage.Tool.Output;

/// <summary>The JSON written by <c>--json</c>: camelCase, indented, nulls kept so the shape is stable.</summary>
internal static class JsonReport
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public static void Write(ToolConsole console, object report) =>
        console.Out.WriteLine(JsonSerializer.Serialize(report, Options));

    public static object? Error(CageException? error) =>
        error is null ? null : new { code = error.CodeId, message = error.Message, hint = error.Hint };
}
