namespace WiseCx.Sandbox.Filtering;

/// <summary>
/// Checks parsed conditions against a <see cref="FilterSchema{T}"/> and compiles them into one predicate
/// (conditions are ANDed). All validation happens here, before any item is looked at.
/// </summary>
public static class FilterEvaluator
{
    /// <summary>Parses and compiles a <c>filtering</c> parameter; null or blank matches everything.</summary>
    /// <param name="filtering">The parameter as sent.</param>
    /// <param name="schema">The endpoint's fields and operators.</param>
    /// <param name="rules">How loosely fields and values are read; null = <see cref="FilterRules.Strict"/>.</param>
    /// <exception cref="FilterException">Malformed text, unknown field or operator, operator not allowed, bad value.</exception>
    public static Func<T, bool> Compile<T>(string? filtering, FilterSchema<T> schema, FilterRules? rules = null) =>
        Compile(FilterParser.Parse(filtering), schema, rules);

    /// <summary>Compiles parsed conditions; an empty list matches everything.</summary>
    /// <param name="conditions">The parsed conditions.</param>
    /// <param name="schema">The endpoint's fields and operators.</param>
    /// <param name="rules">How loosely fields and values are read; null = <see cref="FilterRules.Strict"/>.</param>
    /// <exception cref="FilterException">Unknown field or operator, operator not allowed, bad value.</exception>
    public static Func<T, bool> Compile<T>(IReadOnlyList<FilterCondition> conditions, FilterSchema<T> schema, FilterRules? rules = null)
    {
        rules ??= FilterRules.Strict;
        var predicates = conditions.Select(c => CompileOne(c, schema, rules)).ToArray();
        return item =>
        {
            foreach (var predicate in predicates)
            {
                if (!predicate(item)) return false;
            }
            return true;
        };
    }

    private static Func<T, bool> CompileOne<T>(FilterCondition condition, FilterSchema<T> schema, FilterRules rules)
    {
        var field = ResolveField(condition.Field, schema, rules);

        var op = FilterOperators.Parse(condition.Operator)
            ?? throw new FilterException(
                $"Unknown filter operator '{condition.Operator}'. Valid operators: {FilterOperators.KnownSpellings}.");
        if (!field.Allowed.Contains(op))
            throw new FilterException(
                $"Operator '{FilterOperators.Normalize(condition.Operator)}' is not allowed for field '{field.Name}'. " +
                $"Allowed: {string.Join(", ", field.Allowed.Select(FilterOperators.TableSpelling))}.");

        var takesList = op is FilterOperator.In or FilterOperator.NotIn;
        if (!takesList && condition.IsList)
            throw new FilterException(
                $"Operator '{FilterOperators.Normalize(condition.Operator)}' for field '{field.Name}' takes a single value, not a list.");

        var wanted = condition.Values.Select(v => Convert(v, field)).ToArray();
        var values = field.Values;
        if (rules.Synonyms && field.Synonyms is { } synonyms)
        {
            // Both sides to the documented word, so 'open' finds cases stored as opened, and 'opened' those stored as open.
            object Canonical(object value) => value is string text && synonyms.TryGetValue(text, out var word) ? word : value;
            wanted = wanted.Select(Canonical).ToArray();
            values = item => field.Values(item).Select(Canonical);
        }
        Func<object, object, int> compare = field.Kind switch
        {
            FilterKind.Number => (a, b) => ((decimal)a).CompareTo((decimal)b),
            FilterKind.Date => (a, b) => ((DateTime)a).CompareTo((DateTime)b),
            _ => (a, b) => string.Compare((string)a, (string)b, StringComparison.OrdinalIgnoreCase),
        };

        bool Any(T item, Func<object, bool> test)
        {
            foreach (var value in values(item))
            {
                if (test(value)) return true;
            }
            return false;
        }

        var single = wanted.Length > 0 ? wanted[0] : null!;
        return op switch
        {
            FilterOperator.In => item => Any(item, a => wanted.Any(w => compare(a, w) == 0)),
            // Negations hold for items without a value (e.g. solved_at NOT EQUAL x on an open case).
            FilterOperator.NotIn => item => !Any(item, a => wanted.Any(w => compare(a, w) == 0)),
            FilterOperator.Equal => item => Any(item, a => compare(a, single) == 0),
            FilterOperator.NotEqual => item => !Any(item, a => compare(a, single) == 0),
            FilterOperator.Greater => item => Any(item, a => compare(a, single) > 0),
            FilterOperator.Lower => item => Any(item, a => compare(a, single) < 0),
            FilterOperator.GreaterEqual => item => Any(item, a => compare(a, single) >= 0),
            FilterOperator.LowerEqual => item => Any(item, a => compare(a, single) <= 0),
            FilterOperator.Contains => item => Any(item, a =>
                AsText(a).Contains(AsText(single), StringComparison.OrdinalIgnoreCase)),
            _ => throw new FilterException($"Operator '{condition.Operator}' is not supported."),
        };
    }

    private static FilterField<T> ResolveField<T>(string name, FilterSchema<T> schema, FilterRules rules)
    {
        var bare = name;
        var dot = name.IndexOf('.');
        if (dot >= 0)
        {
            var prefix = name[..dot];
            var plural = schema.Prefix + "s";
            var belongs = string.Equals(prefix, schema.Prefix, StringComparison.OrdinalIgnoreCase)
                || rules.LoosePrefixes && string.Equals(prefix, plural, StringComparison.OrdinalIgnoreCase);
            if (!belongs)
                throw new FilterException(
                    $"Filter field '{name}' does not belong to this resource: use the prefix '{schema.Prefix}.'" +
                    (rules.LoosePrefixes ? $" or '{plural}.'." : "."));
            bare = name[(dot + 1)..];
        }
        return schema.Find(bare)
            ?? throw new FilterException(
                $"Unknown filter field '{name}'. Valid fields: {string.Join(", ", schema.FieldNames.Select(f => $"{schema.Prefix}.{f}"))}.");
    }

    private static object Convert<T>(string value, FilterField<T> field)
    {
        switch (field.Kind)
        {
            case FilterKind.Number:
                if (decimal.TryParse(value.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var number)) return number;
                throw new FilterException($"Filter value '{value}' for field '{field.Name}' is not a number.");
            case FilterKind.Date:
                if (ApiDate.TryParse(value, out var date)) return date;
                throw new FilterException(
                    $"Filter value '{value}' for field '{field.Name}' is not a date (use {ApiDate.Pattern} or yyyy-MM-dd, UTC).");
            default:
                return value;
        }
    }

    private static string AsText(object value) => value switch
    {
        DateTime d => ApiDate.Format(d),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
