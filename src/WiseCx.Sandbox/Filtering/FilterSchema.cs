namespace WiseCx.Sandbox.Filtering;

/// <summary>How a filter field's values are compared.</summary>
public enum FilterKind
{
    /// <summary>Numerically.</summary>
    Number,
    /// <summary>Case-insensitively; CONTAINS is a substring match.</summary>
    Text,
    /// <summary>Chronologically; values as <c>yyyy-MM-dd HH:mm:ss</c> or <c>yyyy-MM-dd</c> (midnight), UTC.</summary>
    Date,
}

/// <summary>A filterable field: its comparison kind, the operators its endpoint allows, and how to read it.</summary>
/// <remarks>A field yields zero values (null), one, or several (tags): a condition matches when any value matches.</remarks>
public sealed class FilterField<T>
{
    internal FilterField(string name, FilterKind kind, IReadOnlyList<FilterOperator> allowed, Func<T, IEnumerable<object>> values)
    {
        Name = name;
        Kind = kind;
        Allowed = allowed;
        Values = values;
    }

    /// <summary>The field name without the resource prefix.</summary>
    public string Name { get; }

    /// <summary>How values are compared.</summary>
    public FilterKind Kind { get; }

    /// <summary>
    /// Other spellings of a text value and the word they mean (e.g. open → opened), applied to both sides of a comparison
    /// when <see cref="FilterRules.Synonyms"/> is on; null when the field has none.
    /// </summary>
    public IReadOnlyDictionary<string, string>? Synonyms { get; internal set; }

    /// <summary>The operators this field allows, in the order the endpoint's table lists them.</summary>
    public IReadOnlyList<FilterOperator> Allowed { get; }

    internal Func<T, IEnumerable<object>> Values { get; }
}

/// <summary>
/// One list endpoint's filter rules: the resource prefix (<c>case</c> in <c>case.status</c>) and, per field, the
/// ALLOWED OPERATORS row of the endpoint's documentation. Built once per resource and shared.
/// </summary>
public sealed class FilterSchema<T>
{
    private readonly Dictionary<string, FilterField<T>> _fields = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<string> _order = [];

    /// <summary>Creates a schema for fields written as <c><paramref name="prefix"/>.name</c>.</summary>
    public FilterSchema(string prefix) => Prefix = prefix;

    /// <summary>The resource prefix, without the dot.</summary>
    public string Prefix { get; }

    /// <summary>Field names in declaration order.</summary>
    public IReadOnlyList<string> FieldNames => _order;

    /// <summary>Adds a numeric field (null = no value).</summary>
    public FilterSchema<T> Number(string name, Func<T, decimal?> read, params FilterOperator[] allowed) =>
        Add(name, FilterKind.Number, allowed, item => read(item) is { } v ? [v] : []);

    /// <summary>Adds a text field (null = no value).</summary>
    public FilterSchema<T> Text(string name, Func<T, string?> read, params FilterOperator[] allowed) =>
        Add(name, FilterKind.Text, allowed, item => read(item) is { } v ? [v] : []);

    /// <summary>Adds a multi-valued text field such as tags.</summary>
    public FilterSchema<T> TextList(string name, Func<T, IEnumerable<string>> read, params FilterOperator[] allowed) =>
        Add(name, FilterKind.Text, allowed, item => read(item));

    /// <summary>Adds a date field (null = no value, e.g. a case not yet solved).</summary>
    public FilterSchema<T> Date(string name, Func<T, DateTime?> read, params FilterOperator[] allowed) =>
        Add(name, FilterKind.Date, allowed, item => read(item) is { } v ? [v] : []);

    /// <summary>Gives the text field <paramref name="name"/> its <see cref="FilterField{T}.Synonyms"/>.</summary>
    public FilterSchema<T> WithSynonyms(string name, IReadOnlyDictionary<string, string> synonyms)
    {
        _fields[name].Synonyms = synonyms;
        return this;
    }

    /// <summary>Looks a field up by its name without prefix (case-insensitive).</summary>
    public FilterField<T>? Find(string name) => _fields.GetValueOrDefault(name);

    private FilterSchema<T> Add(string name, FilterKind kind, FilterOperator[] allowed, Func<T, IEnumerable<object>> values)
    {
        _fields.Add(name, new FilterField<T>(name, kind, allowed, values));
        _order.Add(name);
        return this;
    }
}

/// <summary>
/// How loosely a filter is read: the collection's rules (<see cref="Strict"/>), or the live API's as its users write filters
/// (<see cref="SandboxConfig.LooseFilterFields"/>, <see cref="SandboxConfig.StrictVocabularies"/>).
/// </summary>
/// <param name="LoosePrefixes">A field's prefix may also be the plural of the resource's (<c>cases.id</c>, <c>contacts.phone</c>).</param>
/// <param name="Synonyms">Text values are compared through the fields' <see cref="FilterField{T}.Synonyms"/>.</param>
public sealed record FilterRules(bool LoosePrefixes, bool Synonyms)
{
    /// <summary>The documented rules: the resource's own prefix, values compared as written.</summary>
    public static readonly FilterRules Strict = new(false, false);

    /// <summary>The rules a configuration asks for.</summary>
    public static FilterRules From(SandboxConfig config) => new(config.LooseFilterFields, !config.StrictVocabularies);
}
