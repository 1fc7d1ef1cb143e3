using System.Globalization;
using WiseCx.Sandbox.Data;

namespace WiseCx.Sandbox.Filtering;

/// <summary>
/// Checks parsed conditions against a <see cref="FilterSchema{T}"/> and compiles them into one predicate
/// (conditions are ANDed). All validation happens here, before any item is looked at.
/// </summary>
public static class FilterEvaluator
{
    /// <summary>Parses and compiles a <c>filtering</c> parameter; null or blank matches everything.</summary>
    /// <exception cref="FilterException">Malformed text, unknown field or operator, operator not allowed, bad value.</exception>
    public static Func<T, bool> Compile<T>(string? filtering, FilterSchema<T> schema) =>
        Compile(FilterParser.Parse(filtering), schema);

    /// <summary>Compiles parsed conditions; an empty list matches everything.</summary>
    /// <exception cref="FilterException">Unknown field or operator, operator not allowed, bad value.</exception>
    public static Func<T, bool> Compile<T>(IReadOnlyList<FilterCondition> conditions, FilterSchema<T> schema)
    {
        var predicates = conditions.Select(c => CompileOne(c, schema)).ToArray();
        return item =>
        {
            foreach (var predicate in predicates)
            {
                if (!predicate(item)) return false;
            }
            return true;
        };
    }

    private static Func<T, bool> CompileOne<T>(FilterCondition condition, FilterSchema<T> schema)
    {
        var field = ResolveField(condition.Field, schema);

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

    private static FilterField<T> ResolveField<T>(string name, FilterSchema<T> schema)
    {
        var bare = name;
        var dot = name.IndexOf('.');
        if (dot >= 0)
        {
            var prefix = name[..dot];
            if (!string.Equals(prefix, schema.Prefix, StringComparison.OrdinalIgnoreCase))
                throw new FilterException(
                    $"Filter field '{name}' does not belong to this resource: use the prefix '{schema.Prefix}.'.");
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
