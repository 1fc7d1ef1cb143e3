using System.Reflection;
using System.Text.Json;

namespace WiseCx.Tests.Unit.Support;

/// <summary>The vendor's Postman collection (api/ in the repository): its example responses are the test fixtures.</summary>
public static class CollectionExamples
{
    private static readonly Lazy<List<(string Method, string Path, string Body)>> Examples = new(Load);

    public static string RepositoryRoot =>
        typeof(CollectionExamples).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .First(a => a.Key == "RepositoryRoot").Value!;

    /// <summary>The example response body of the request <paramref name="method"/> <paramref name="path"/> (e.g. "cases/{{id}}").</summary>
    public static string ResponseBody(string method, string path)
    {
        var match = Examples.Value.Where(e => e.Method == method && e.Path == path).ToList();
        Assert.True(match.Count > 0, $"The collection has no example for {method} {path}.");
        return match[0].Body;
    }

    /// <summary>Every example response body of the collection.</summary>
    public static IEnumerable<string> AllResponseBodies() => Examples.Value.Select(e => e.Body);

    private static List<(string, string, string)> Load()
    {
        var file = Path.Combine(RepositoryRoot, "api", "wisecx-api.postman_collection.json");
        using var doc = JsonDocument.Parse(File.ReadAllText(file));
        var result = new List<(string, string, string)>();
        Walk(doc.RootElement.GetProperty("item"), result);
        return result;
    }

    private static void Walk(JsonElement items, List<(string, string, string)> result)
    {
        foreach (var item in items.EnumerateArray())
        {
            if (item.TryGetProperty("item", out var children))
            {
                Walk(children, result);
                continue;
            }
            var request = item.GetProperty("request");
            var url = request.GetProperty("url");
            var raw = url.ValueKind == JsonValueKind.String ? url.GetString()! : url.GetProperty("raw").GetString()!;
            var path = raw.Split('?')[0];
            var marker = "/core/v1/";
            path = path[(path.IndexOf(marker, StringComparison.Ordinal) + marker.Length)..].TrimEnd('/');
            foreach (var response in item.GetProperty("response").EnumerateArray())
            {
                if (response.TryGetProperty("body", out var body) && body.ValueKind == JsonValueKind.String)
                    result.Add((request.GetProperty("method").GetString()!, path, body.GetString()!));
            }
        }
    }
}
