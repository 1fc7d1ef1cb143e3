using System.Text;

namespace WiseCx.Sandbox.Filtering;

/// <summary>A filter the client sent is malformed or not allowed; the message is shown to the caller as is (400).</summary>
public sealed class FilterException(string message) : Exception(message);

/// <summary>One parsed <c>{'field':…,'operator':…,'value':…}</c> condition, before it is checked against a schema.</summary>
/// <param name="Field">The field name as sent (with or without the resource prefix).</param>
/// <param name="Operator">The operator as sent.</param>
/// <param name="Values">The value(s), always as text; numbers keep their literal spelling.</param>
/// <param name="IsList">Whether the value was an array.</param>
public sealed record FilterCondition(string Field, string Operator, IReadOnlyList<string> Values, bool IsList);

/// <summary>
/// Parses the API's <c>filtering</c> parameter: a JSON-like array of objects written with single quotes,
/// e.g. <c>[{'field':'case.status','operator':'IN','value':['opened','solved']}]</c>.
/// </summary>
/// <remarks>
/// A real parser rather than quote replacement, so a value such as <c>O\'Brien</c> survives. Accepted: strings in single
/// quotes (escapes <c>\'</c> and <c>\\</c>, plus JSON's) or double quotes (JSON strings), bare numbers, arrays of those;
/// keys quoted or bare; a single object without the surrounding array.
/// </remarks>
public static class FilterParser
{
    /// <summary>Parses <paramref name="text"/>; null or blank means no conditions.</summary>
    /// <exception cref="FilterException">The text is not a well-formed filter.</exception>
    public static IReadOnlyList<FilterCondition> Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return [];
        var reader = new Reader(text);
        reader.SkipSpace();
        List<FilterCondition> conditions;
        if (reader.Peek() == '{')
        {
            conditions = [ParseCondition(reader, 1)];
        }
        else
        {
            reader.Expect('[');
            conditions = [];
            reader.SkipSpace();
            if (reader.Peek() != ']')
            {
                while (true)
                {
                    reader.SkipSpace();
                    conditions.Add(ParseCondition(reader, conditions.Count + 1));
                    reader.SkipSpace();
                    if (reader.TryConsume(',')) continue;
                    break;
                }
            }
            reader.Expect(']');
        }
        reader.SkipSpace();
        if (!reader.AtEnd) throw reader.Error("unexpected text after the end of the filter");
        return conditions;
    }

    private static FilterCondition ParseCondition(Reader reader, int number)
    {
        string? field = null, op = null;
        List<string>? values = null;
        var isList = false;

        reader.Expect('{');
        reader.SkipSpace();
        if (reader.Peek() != '}')
        {
            while (true)
            {
                reader.SkipSpace();
                var keyStart = reader.Position;
                var key = reader.ReadKey();
                reader.SkipSpace();
                reader.Expect(':');
                reader.SkipSpace();
                switch (key.ToLowerInvariant())
                {
                    case "field":
                        if (field is not null) throw reader.ErrorAt(keyStart, "duplicate key 'field'");
                        field = reader.ReadScalar("the field name");
                        break;
                    case "operator":
                        if (op is not null) throw reader.ErrorAt(keyStart, "duplicate key 'operator'");
                        op = reader.ReadScalar("the operator");
                        break;
                    case "value":
                        if (values is not null) throw reader.ErrorAt(keyStart, "duplicate key 'value'");
                        (values, isList) = reader.ReadValue();
                        break;
                    default:
                        throw reader.ErrorAt(keyStart, $"unknown key '{key}' (expected field, operator, value)");
                }
                reader.SkipSpace();
                if (reader.TryConsume(',')) continue;
                break;
            }
        }
        reader.Expect('}');

        if (string.IsNullOrWhiteSpace(field)) throw new FilterException($"Invalid filtering: condition {number} has no 'field'.");
        if (string.IsNullOrWhiteSpace(op)) throw new FilterException($"Invalid filtering: condition {number} has no 'operator'.");
        if (values is null) throw new FilterException($"Invalid filtering: condition {number} has no 'value'.");
        return new FilterCondition(field.Trim(), op.Trim(), values, isList);
    }

    private sealed class Reader(string text)
    {
        public int Position { get; private set; }

        public bool AtEnd => Position >= text.Length;

        public char Peek() => AtEnd ? '\0' : text[Position];

        public void SkipSpace()
        {
            while (!AtEnd && char.IsWhiteSpace(text[Position])) Position++;
        }

        public bool TryConsume(char c)
        {
            if (Peek() != c || AtEnd) return false;
            Position++;
            return true;
        }

        public void Expect(char c)
        {
            if (!TryConsume(c)) throw Error($"expected '{c}'");
        }

        public string ReadKey()
        {
            if (Peek() is '\'' or '"') return ReadString();
            var start = Position;
            while (!AtEnd && (char.IsLetterOrDigit(text[Position]) || text[Position] == '_')) Position++;
            if (Position == start) throw Error("expected a key ('field', 'operator' or 'value')");
            return text[start..Position];
        }

        public string ReadScalar(string what)
        {
            var c = Peek();
            if (c is '\'' or '"') return ReadString();
            if (c == '-' || char.IsAsciiDigit(c)) return ReadNumber();
            throw Error($"expected a quoted string for {what}");
        }

        public (List<string> Values, bool IsList) ReadValue()
        {
            if (!TryConsume('[')) return ([ReadScalar("the value")], false);
            var values = new List<string>();
            SkipSpace();
            if (TryConsume(']')) return (values, true);
            while (true)
            {
                SkipSpace();
                values.Add(ReadScalar("a list item"));
                SkipSpace();
                if (TryConsume(',')) continue;
                Expect(']');
                return (values, true);
            }
        }

        private string ReadNumber()
        {
            var start = Position;
            if (Peek() == '-') Position++;
            while (!AtEnd && (char.IsAsciiDigit(text[Position]) || text[Position] is '.' or 'e' or 'E' or '+' or '-')) Position++;
            var literal = text[start..Position];
            if (!decimal.TryParse(literal, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
                throw ErrorAt(start, $"'{literal}' is not a number");
            return literal;
        }

        private string ReadString()
        {
            var quote = text[Position];
            var start = Position++;
            var sb = new StringBuilder();
            while (true)
            {
                if (AtEnd) throw ErrorAt(start, "unterminated string");
                var c = text[Position++];
                if (c == quote) return sb.ToString();
                if (c != '\\')
                {
                    sb.Append(c);
                    continue;
                }
                if (AtEnd) throw ErrorAt(start, "unterminated string");
                var escaped = text[Position++];
                switch (escaped)
                {
                    case '\'': sb.Append('\''); break;
                    case '"': sb.Append('"'); break;
                    case '\\': sb.Append('\\'); break;
                    case '/': sb.Append('/'); break;
                    case 'n': sb.Append('\n'); break;
                    case 'r': sb.Append('\r'); break;
                    case 't': sb.Append('\t'); break;
                    case 'b': sb.Append('\b'); break;
                    case 'f': sb.Append('\f'); break;
                    case 'u':
                        if (Position + 4 > text.Length
                            || !int.TryParse(text.AsSpan(Position, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code))
                            throw ErrorAt(Position - 2, "invalid \\u escape");
                        sb.Append((char)code);
                        Position += 4;
                        break;
                    default:
                        throw ErrorAt(Position - 2, $"unknown escape '\\{escaped}' (use \\' for a quote and \\\\ for a backslash)");
                }
            }
        }

        public FilterException Error(string problem) => ErrorAt(Position, problem);

        public FilterException ErrorAt(int position, string problem)
        {
            var found = position >= text.Length ? "end of text" : $"'{text[position]}'";
            return new FilterException($"Invalid filtering: {problem} at position {position + 1} (found {found}).");
        }
    }
}
