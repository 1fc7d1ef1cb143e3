namespace WiseCx.Sandbox.Shaping;

/// <summary>
/// The documented fields of one resource view (e.g. the case list, or case-by-id), how each is written to JSON and,
/// for scalar fields, how it sorts. Implements the API's <c>fields</c> parameter.
/// </summary>
/// <remarks>
/// Selected fields are written in the documented order, not the order asked for: both collection examples that pass
/// <c>fields</c> (GET /cases and GET /cases/{id}/activities) answer that way.
/// </remarks>
internal sealed class FieldSet<T>
{
    private readonly List<Field> _fields = [];
    private readonly Dictionary<string, Field> _byName = new(StringComparer.Ordinal);

    public sealed record Field(string Name, Func<T, JsonNode?> Write, Func<T, IComparable?>? SortKey);

    public IReadOnlyList<string> Names => _fields.Select(f => f.Name).ToArray();

    public FieldSet<T> Add(string name, Func<T, JsonNode?> write, Func<T, IComparable?>? sortKey = null)
    {
        var field = new Field(name, write, sortKey);
        _fields.Add(field);
        _byName.Add(name, field);
        return this;
    }

    /// <summary>A view with fewer fields, e.g. GET by id documents a shorter list than the list endpoint.</summary>
    public FieldSet<T> Subset(params string[] names)
    {
        var subset = new FieldSet<T>();
        foreach (var field in _fields.Where(f => names.Contains(f.Name))) subset.Add(field.Name, field.Write, field.SortKey);
        var missing = names.Except(subset.Names).ToArray();
        if (missing.Length > 0) throw new ArgumentException($"Unknown fields in subset: {string.Join(", ", missing)}");
        return subset;
    }

    /// <summary>Resolves the <c>fields</c> parameter: absent or blank = every field; an unknown name is a 400.</summary>
    public IReadOnlyList<Field> Select(string? fieldsParameter)
    {
        if (string.IsNullOrWhiteSpace(fieldsParameter)) return _fields;
        var asked = fieldsParameter.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (asked.Length == 0) return _fields;
        foreach (var name in asked)
        {
            if (!_byName.ContainsKey(name))
                throw ApiException.BadRequest($"Unknown field '{name}' in fields. Valid fields: {string.Join(", ", Names)}.");
        }
        var wanted = asked.ToHashSet(StringComparer.Ordinal);
        return _fields.Where(f => wanted.Contains(f.Name)).ToArray();
    }

    public JsonObject Project(T item, IReadOnlyList<Field> selection)
    {
        var json = new JsonObject();
        foreach (var field in selection) json[field.Name] = field.Write(item);
        return json;
    }

    public Field? Find(string name) => _byName.GetValueOrDefault(name);

    public IEnumerable<string> SortableNames => _fields.Where(f => f.SortKey is not null).Select(f => f.Name);
}
