using System.Numerics;
using System.Text.Json;

namespace WiseCx.Sandbox.Http;

/// <summary>
/// Reads request bodies and typed properties with the API's error messages ("subject is required.").
/// A JSON <c>null</c> counts as absent. The <c>label</c> arguments are the path shown to the caller
/// (e.g. <c>activities[0].contact_from.email</c>).
/// </summary>
internal static class JsonBody
{
    public static async Task<JsonElement> ReadObjectAsync(HttpRequest request)
    {
        var root = await ReadOptionalAsync(request) ?? throw ApiException.BadRequest("Request body is required: send a JSON object.");
        if (root.ValueKind != JsonValueKind.Object)
            throw ApiException.BadRequest("Request body must be a JSON object.");
        return root;
    }

    /// <summary>For the bulk endpoints whose body is a bare JSON array (PUT /queues/{id}/users, POST /nitro/transactional/send).</summary>
    public static async Task<JsonElement> ReadArrayAsync(HttpRequest request)
    {
        var root = await ReadOptionalAsync(request) ?? throw ApiException.BadRequest("Request body is required: send a JSON array.");
        if (root.ValueKind != JsonValueKind.Array)
            throw ApiException.BadRequest("Request body must be a JSON array.");
        return root;
    }

    /// <summary>Any JSON value, or null when the body is empty (endpoints whose body is optional).</summary>
    public static async Task<JsonElement?> ReadOptionalAsync(HttpRequest request)
    {
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, request.HttpContext.RequestAborted);
        if (buffer.Length == 0 || buffer.ToArray().All(b => b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n'))
            return null;
        try
        {
            using var document = JsonDocument.Parse(buffer.ToArray());
            return document.RootElement.Clone();
        }
        catch (JsonException ex)
        {
            throw ApiException.BadRequest($"Request body is not valid JSON: {ex.Message}");
        }
    }

    public static bool TryGet(JsonElement obj, string name, out JsonElement value)
    {
        if (obj.TryGetProperty(name, out value) && value.ValueKind is not (JsonValueKind.Null or JsonValueKind.Undefined))
            return true;
        value = default;
        return false;
    }

    public static bool IsPresent(JsonElement obj, string name) => obj.TryGetProperty(name, out _);

    public static long? OptionalLong(JsonElement obj, string name, string label) =>
        OptionalNumber(obj, name, label, NumberStyles.AllowLeadingSign, (JsonElement value, out long n) => value.TryGetInt64(out n));

    public static decimal? OptionalDecimal(JsonElement obj, string name, string label) =>
        OptionalNumber(obj, name, label, NumberStyles.Float, (JsonElement value, out decimal n) => value.TryGetDecimal(out n));

    private delegate bool NumberReader<T>(JsonElement value, out T number);

    /// <summary>A number sent as a JSON number or as numeric text (the API takes both); anything else is refused.</summary>
    private static T? OptionalNumber<T>(JsonElement obj, string name, string label, NumberStyles textStyles, NumberReader<T> fromNumber)
        where T : struct, INumberBase<T>
    {
        if (!TryGet(obj, name, out var value)) return null;
        switch (value.ValueKind)
        {
            case JsonValueKind.Number when fromNumber(value, out var n):
                return n;
            case JsonValueKind.String when T.TryParse(value.GetString(), textStyles, CultureInfo.InvariantCulture, out var s):
                return s;
            default:
                throw ApiException.BadRequest($"{label} must be a number.");
        }
    }

    /// <summary>An array of ids (numbers or numeric strings), each greater than 0.</summary>
    public static List<long>? OptionalIdArray(JsonElement obj, string name, string label)
    {
        if (OptionalArray(obj, name, label) is not { } array) return null;
        var ids = new List<long>();
        var i = 0;
        foreach (var item in array.EnumerateArray())
        {
            var itemLabel = $"{label}[{i++}]";
            long id = item.ValueKind switch
            {
                JsonValueKind.Number when item.TryGetInt64(out var n) => n,
                JsonValueKind.String when long.TryParse(item.GetString(), NumberStyles.None, CultureInfo.InvariantCulture, out var s) => s,
                _ => throw ApiException.BadRequest($"{itemLabel} must be a number."),
            };
            if (id <= 0) throw ApiException.BadRequest($"{itemLabel} must be greater than 0.");
            ids.Add(id);
        }
        return ids;
    }

    public static long RequiredLong(JsonElement obj, string name, string label) =>
        OptionalLong(obj, name, label) ?? throw ApiException.BadRequest($"{label} is required.");

    public static string? OptionalString(JsonElement obj, string name, string label)
    {
        if (!TryGet(obj, name, out var value)) return null;
        if (value.ValueKind != JsonValueKind.String) throw ApiException.BadRequest($"{label} must be a string.");
        return value.GetString();
    }

    public static string RequiredString(JsonElement obj, string name, string label)
    {
        var value = OptionalString(obj, name, label);
        if (string.IsNullOrWhiteSpace(value)) throw ApiException.BadRequest($"{label} is required.");
        return value;
    }

    /// <summary>Strings, numbers and booleans all become text: custom field and template values are strings to the API.</summary>
    public static string? OptionalScalarText(JsonElement obj, string name, string label)
    {
        if (!TryGet(obj, name, out var value)) return null;
        return value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Number => value.GetRawText(),
            JsonValueKind.True => "true",
            JsonValueKind.False => "false",
            _ => throw ApiException.BadRequest($"{label} must be a string."),
        };
    }

    public static bool? OptionalBool(JsonElement obj, string name, string label)
    {
        if (!TryGet(obj, name, out var value)) return null;
        return value.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => throw ApiException.BadRequest($"{label} must be true or false."),
        };
    }

    /// <summary>Case-insensitive match against <paramref name="allowed"/>; returns the canonical (lower-case) spelling.</summary>
    public static string? OptionalEnum(JsonElement obj, string name, string label, IReadOnlyList<string> allowed)
    {
        var text = OptionalString(obj, name, label);
        if (text is null) return null;
        return allowed.FirstOrDefault(a => string.Equals(a, text.Trim(), StringComparison.OrdinalIgnoreCase))
            ?? throw ApiException.BadRequest($"{label} must be one of: {string.Join(", ", allowed)}.");
    }

    public static DateTime? OptionalDate(JsonElement obj, string name, string label)
    {
        var text = OptionalString(obj, name, label);
        if (text is null) return null;
        return ApiDate.TryParse(text, out var date)
            ? date
            : throw ApiException.BadRequest($"{label} must be a date in the format {ApiDate.Pattern} (UTC).");
    }

    public static JsonElement? OptionalArray(JsonElement obj, string name, string label)
    {
        if (!TryGet(obj, name, out var value)) return null;
        if (value.ValueKind != JsonValueKind.Array) throw ApiException.BadRequest($"{label} must be an array.");
        return value;
    }

    public static JsonElement? OptionalObject(JsonElement obj, string name, string label)
    {
        if (!TryGet(obj, name, out var value)) return null;
        if (value.ValueKind != JsonValueKind.Object) throw ApiException.BadRequest($"{label} must be an object.");
        return value;
    }
}
