using System.Globalization;
using System.Management.Automation.Language;

namespace WiseCx.PowerShell.Internal
{
    /// <summary>
    /// Reads the conditions of a -Filter scriptblock from its syntax tree (values are read by <see cref="FilterValueReader"/>), never running it, as the ActiveDirectory module does:
    /// <c>{ status -in 'opened','pending' -and created_at -ge $since -and subject -like '*refund*' }</c>.
    /// Conditions are joined with -and; values are constants, arrays of them, <c>$variables</c> and
    /// <c>$variable.Property</c> read from the caller's scope. Everything else is refused, saying what is supported.
    /// </summary>
    internal sealed class ScriptBlockFilter
    {
        public const string Supported =
            "Supported: field -eq|-ne|-gt|-lt|-ge|-le|-in|-notin|-like value, joined with -and; -like takes '*text*' (contains). " +
            "Values are constants, lists of them, $variables or $variable.Property.";

        private static readonly Dictionary<string, FilterOperator> Operators = new Dictionary<string, FilterOperator>(StringComparer.OrdinalIgnoreCase)
        {
            ["eq"] = FilterOperator.Equal, ["ieq"] = FilterOperator.Equal,
            ["ne"] = FilterOperator.NotEqual, ["ine"] = FilterOperator.NotEqual,
            ["gt"] = FilterOperator.Greater, ["igt"] = FilterOperator.Greater,
            ["lt"] = FilterOperator.Lower, ["ilt"] = FilterOperator.Lower,
            ["ge"] = FilterOperator.GreaterEqual, ["ige"] = FilterOperator.GreaterEqual,
            ["le"] = FilterOperator.LowerEqual, ["ile"] = FilterOperator.LowerEqual,
            ["in"] = FilterOperator.In, ["iin"] = FilterOperator.In,
            ["notin"] = FilterOperator.NotIn, ["inotin"] = FilterOperator.NotIn,
            ["like"] = FilterOperator.Contains, ["ilike"] = FilterOperator.Contains,
        };

        private readonly FilterValueReader _values;

        /// <param name="variable">Reads a variable of the caller's scope by name (without the $).</param>
        public ScriptBlockFilter(Func<string, object?> variable)
        {
            _values = new FilterValueReader(variable);
        }

        public IReadOnlyList<FilterCondition> Compile(ScriptBlock filter) => Compile((ScriptBlockAst)filter.Ast);

        public IReadOnlyList<FilterCondition> Compile(ScriptBlockAst ast)
        {
            if (ast.ParamBlock != null || ast.BeginBlock != null || ast.ProcessBlock != null || ast.DynamicParamBlock != null)
                throw Refuse("a param or begin/process block");
            var statements = ast.EndBlock?.Statements ?? new ReadOnlyCollection0();
            if (statements.Count == 0)
                throw new WcxInputException("The -Filter scriptblock is empty. " + Supported, "Filter");
            if (statements.Count > 1)
                throw Refuse("several statements (join conditions with -and)");
            if (!(statements[0] is PipelineAst pipeline) || pipeline.PipelineElements.Count != 1)
                throw Refuse("a pipeline");
            var conditions = new List<FilterCondition>();
            switch (pipeline.PipelineElements[0])
            {
                case CommandExpressionAst expression:
                    ReadExpression(expression.Expression, conditions);
                    break;
                case CommandAst command:
                    ReadCommandForm(command, conditions);
                    break;
                default:
                    throw Refuse(pipeline.PipelineElements[0].Extent.Text);
            }
            return conditions;
        }

        /// <summary>
        /// <c>status -eq 'x' -and id -gt 5</c> with a bare field name first parses as a command with parameters:
        /// read it as field, operator, value triples joined by -and.
        /// </summary>
        private void ReadCommandForm(CommandAst command, List<FilterCondition> conditions)
        {
            var elements = command.CommandElements;
            if (command.InvocationOperator != TokenKind.Unknown)
                throw Refuse("the call operator " + command.Extent.Text);
            var i = 0;
            while (true)
            {
                if (i >= elements.Count || !(elements[i] is StringConstantExpressionAst field) || field.StringConstantType != StringConstantType.BareWord)
                    throw Refuse(i < elements.Count ? elements[i].Extent.Text : "a condition that ends early");
                if (i + 1 >= elements.Count || !(elements[i + 1] is CommandParameterAst op))
                    throw new WcxInputException(
                        "'" + field.Value + "' is not followed by a comparison operator. If it is a command, filters cannot run commands. " + Supported, "Filter");
                ExpressionAst value;
                int next;
                if (op.Argument != null)
                {
                    value = op.Argument;
                    next = i + 2;
                }
                else
                {
                    if (i + 2 >= elements.Count || !(elements[i + 2] is ExpressionAst operand) || elements[i + 2] is CommandParameterAst)
                        throw new WcxInputException("The operator -" + op.ParameterName + " after '" + field.Value + "' has no value. " + Supported, "Filter");
                    value = operand;
                    next = i + 3;
                }
                if (!IsComparisonOperator(op.ParameterName))
                    throw new WcxInputException(
                        "'" + field.Value + " " + op.Extent.Text + "' looks like a command: filters are read, never run. " + Supported, "Filter");
                conditions.Add(Condition(field.Value, op.ParameterName, value, op.Extent.Text));
                if (next == elements.Count)
                    return;
                if (!(elements[next] is CommandParameterAst join) || !string.Equals(join.ParameterName, "and", StringComparison.OrdinalIgnoreCase) || join.Argument != null)
                    throw JoinRefused(elements[next].Extent.Text);
                i = next + 1;
            }
        }

        /// <summary><c>$_.status -eq 'x' -and ...</c> or <c>'status' -eq 'x'</c>: a real expression tree.</summary>
        private void ReadExpression(ExpressionAst expression, List<FilterCondition> conditions)
        {
            switch (expression)
            {
                case ParenExpressionAst paren when paren.Pipeline is PipelineAst inner && inner.PipelineElements.Count == 1 &&
                                                   inner.PipelineElements[0] is CommandExpressionAst innerExpression:
                    ReadExpression(innerExpression.Expression, conditions);
                    return;
                case BinaryExpressionAst binary when binary.Operator == TokenKind.And:
                    ReadExpression(binary.Left, conditions);
                    ReadExpression(binary.Right, conditions);
                    return;
                case BinaryExpressionAst binary when binary.Operator == TokenKind.Or || binary.Operator == TokenKind.Xor:
                    throw new WcxInputException("-or is not supported: the API ANDs every condition. Run one query per alternative, or use -in for several values of one field. " + Supported, "Filter");
                case BinaryExpressionAst binary:
                    var opText = binary.ErrorPosition.Text.TrimStart('-');
                    conditions.Add(Condition(FieldName(binary.Left), opText, binary.Right, binary.ErrorPosition.Text));
                    return;
                case UnaryExpressionAst unary when unary.TokenKind == TokenKind.Not || unary.TokenKind == TokenKind.Exclaim:
                    throw new WcxInputException("-not is not supported; use -ne or -notin. " + Supported, "Filter");
                default:
                    throw Refuse(expression.Extent.Text);
            }
        }

        private static readonly HashSet<string> ComparisonNames = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        {
            "eq", "ne", "gt", "lt", "ge", "le", "in", "notin", "like", "notlike", "match", "notmatch", "contains", "notcontains",
            "is", "isnot", "as", "replace", "split", "join", "and", "or", "xor", "not", "band", "bor", "bxor", "shl", "shr",
        };

        /// <summary>Any PowerShell comparison or logical operator (with its i/c prefix), supported or not.</summary>
        private static bool IsComparisonOperator(string name)
        {
            var lower = name.ToLowerInvariant();
            return ComparisonNames.Contains(lower) ||
                   ((lower.StartsWith("i", StringComparison.Ordinal) || lower.StartsWith("c", StringComparison.Ordinal)) && ComparisonNames.Contains(lower.Substring(1)));
        }

        private static string FieldName(ExpressionAst left)
        {
            switch (left)
            {
                case StringConstantExpressionAst constant:
                    return constant.Value;
                case MemberExpressionAst member when ItemMember(member) is string name:
                    return name;
                default:
                    throw new WcxInputException(
                        "The left side of a condition must be a field name (status, $_.status or 'status'); got " + left.Extent.Text + ". " + Supported, "Filter");
            }
        }

        /// <summary>
        /// <c>$_.status</c> → status, and <c>$_.contacts.personal_id</c> → contacts.personal_id: a field named with a prefix
        /// of its own, sent as written. Null for anything else (a method call, another variable).
        /// </summary>
        private static string? ItemMember(MemberExpressionAst member)
        {
            if (member is InvokeMemberExpressionAst || member.Static || !(member.Member is StringConstantExpressionAst name))
                return null;
            switch (member.Expression)
            {
                case VariableExpressionAst variable when variable.VariablePath.UserPath == "_" ||
                                                         string.Equals(variable.VariablePath.UserPath, "PSItem", StringComparison.OrdinalIgnoreCase):
                    return name.Value;
                case MemberExpressionAst inner when ItemMember(inner) is string prefix:
                    return prefix + "." + name.Value;
                default:
                    return null;
            }
        }

        private FilterCondition Condition(string field, string operatorName, ExpressionAst valueAst, string operatorText)
        {
            if (!Operators.TryGetValue(operatorName, out var op))
            {
                var lower = operatorName.ToLowerInvariant();
                var hint = lower == "match" || lower == "imatch" || lower == "cmatch" ? " Regular expressions are not supported; use -like '*text*'."
                         : lower.StartsWith("c", StringComparison.Ordinal) && Operators.ContainsKey(lower.Substring(1)) ? " Case-sensitive operators are not supported: the API compares without case."
                         : lower == "or" ? " -or is not supported: the API ANDs every condition."
                         : "";
                throw new WcxInputException("The operator " + operatorText + " is not supported." + hint + " " + Supported, "Filter");
            }
            var value = _values.Read(valueAst);
            if (op == FilterOperator.Contains)
                return Like(field, value);
            if (FilterOperators.TakesList(op))
                return new FilterCondition(field, op, FilterValueReader.AsList(value));
            if (value is IList list && !(value is string))
                throw new WcxInputException("-" + operatorName + " on '" + field + "' takes one value; use -in or -notin for a list.", "Filter");
            return new FilterCondition(field, op, value);
        }

        /// <summary>The API has CONTAINS only: '*text*' maps to it, text without wildcards to EQUAL, anything else is refused.</summary>
        private static FilterCondition Like(string field, object? value)
        {
            if (!(value is string pattern))
                throw new WcxInputException("-like on '" + field + "' takes a text pattern such as '*refund*'.", "Filter");
            var inner = pattern.Length >= 2 && pattern.StartsWith("*", StringComparison.Ordinal) && pattern.EndsWith("*", StringComparison.Ordinal)
                ? pattern.Substring(1, pattern.Length - 2)
                : null;
            if (inner != null && inner.Length > 0 && !HasWildcard(inner))
                return new FilterCondition(field, FilterOperator.Contains, inner);
            if (!HasWildcard(pattern))
                return new FilterCondition(field, FilterOperator.Equal, pattern);
            throw new WcxInputException(
                "-like '" + pattern + "' on '" + field + "' cannot be sent: the API only tests whether a field contains a text. Use -like '*text*'.", "Filter");
        }

        private static bool HasWildcard(string text) => text.IndexOfAny(new[] { '*', '?', '[', ']' }) >= 0;

        private static WcxInputException Refuse(string what) =>
            new WcxInputException("This cannot be used in a filter: " + what + ". " + Supported, "Filter");

        private static WcxInputException JoinRefused(string what) =>
            string.Equals(what.Trim(), "-or", StringComparison.OrdinalIgnoreCase)
                ? new WcxInputException("-or is not supported: the API ANDs every condition. Run one query per alternative, or use -in for several values of one field. " + Supported, "Filter")
                : new WcxInputException("Conditions are joined with -and; got " + what + ". " + Supported, "Filter");

        private sealed class ReadOnlyCollection0 : System.Collections.ObjectModel.ReadOnlyCollection<StatementAst>
        {
            public ReadOnlyCollection0() : base(new StatementAst[0]) { }
        }
    }
}
