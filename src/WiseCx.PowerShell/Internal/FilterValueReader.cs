using System.Globalization;
using System.Management.Automation.Language;

namespace WiseCx.PowerShell.Internal
{
    /// <summary>
    /// Reads the values of a -Filter scriptblock's conditions without running anything: constants, lists of them,
    /// <c>$variables</c> and <c>$variable.Property</c> (read from the caller's scope), and strings that expand plain
    /// variables. Anything that would run code (a method call, a subexpression) is refused.
    /// </summary>
    internal sealed class FilterValueReader
    {
        private readonly Func<string, object?> _variable;

        /// <param name="variable">Reads a variable of the caller's scope by name (without the $).</param>
        public FilterValueReader(Func<string, object?> variable)
        {
            _variable = variable;
        }

        public static IEnumerable<object?> AsList(object? value) =>
            value is IEnumerable list && !(value is string) ? list.Cast<object?>() : new[] { value };

        /// <summary>The value of the right side of a condition: a constant, a list, a variable or a property of one.</summary>
        public object? Read(ExpressionAst ast) => Value(ast);

        private object? Value(ExpressionAst ast)
        {
            switch (ast)
            {
                case StringConstantExpressionAst text:
                    return text.Value;
                case ConstantExpressionAst constant:
                    return constant.Value;
                case ExpandableStringExpressionAst expandable:
                    return Expand(expandable);
                case ArrayLiteralAst array:
                    return array.Elements.Select(Value).ToArray();
                case ArrayExpressionAst arrayExpression when arrayExpression.SubExpression.Statements.Count == 1 &&
                                                             arrayExpression.SubExpression.Statements[0] is PipelineAst p && p.PipelineElements.Count == 1 &&
                                                             p.PipelineElements[0] is CommandExpressionAst inner:
                    return AsList(Value(inner.Expression)).ToArray();
                case ParenExpressionAst paren when paren.Pipeline is PipelineAst p2 && p2.PipelineElements.Count == 1 &&
                                                   p2.PipelineElements[0] is CommandExpressionAst inner2:
                    return Value(inner2.Expression);
                case UnaryExpressionAst unary when unary.TokenKind == TokenKind.Minus && unary.Child is ConstantExpressionAst number:
                    return Negate(number.Value);
                case VariableExpressionAst variable:
                    return Variable(variable);
                case InvokeMemberExpressionAst call:
                    throw new WcxInputException("Method calls are not run in a filter (" + call.Extent.Text + "): compute the value into a variable first. " + ScriptBlockFilter.Supported, "Filter");
                case MemberExpressionAst member when !member.Static && member.Member is StringConstantExpressionAst name:
                    var target = Value(member.Expression);
                    if (target is IDictionary map)
                    {
                        foreach (DictionaryEntry entry in map)
                        {
                            if (string.Equals(Convert.ToString(entry.Key, CultureInfo.InvariantCulture), name.Value, StringComparison.OrdinalIgnoreCase))
                                return Plain(entry.Value);
                        }
                    }
                    var property = target is null ? null : PSObject.AsPSObject(target).Properties[name.Value];
                    if (property is null)
                        throw new WcxInputException("'" + member.Extent.Text + "' has no property " + name.Value + ".", "Filter");
                    return Plain(property.Value);
                default:
                    throw new WcxInputException("'" + ast.Extent.Text + "' cannot be used as a filter value. " + ScriptBlockFilter.Supported, "Filter");
            }
        }

        private object? Variable(VariableExpressionAst variable)
        {
            var path = variable.VariablePath;
            if (path.UserPath == "_" || string.Equals(path.UserPath, "PSItem", StringComparison.OrdinalIgnoreCase))
                throw new WcxInputException("$_ stands for the field side of a condition only ($_.status -eq 'opened').", "Filter");
            if (path.IsDriveQualified && !string.Equals(path.DriveName, "variable", StringComparison.OrdinalIgnoreCase))
                throw new WcxInputException("Only variables can be read in a filter, not " + variable.Extent.Text + ": assign it to a variable first.", "Filter");
            var name = path.IsDriveQualified ? path.UserPath.Substring(path.DriveName.Length + 1) : path.UserPath;
            if (string.Equals(name, "true", StringComparison.OrdinalIgnoreCase))
                return true;
            if (string.Equals(name, "false", StringComparison.OrdinalIgnoreCase))
                return false;
            if (string.Equals(name, "null", StringComparison.OrdinalIgnoreCase))
                return null;
            return Plain(_variable(name));
        }

        private string Expand(ExpandableStringExpressionAst expandable)
        {
            var text = expandable.Value;
            var parts = new List<(int Start, int End, string Value)>();
            foreach (var nested in expandable.NestedExpressions)
            {
                if (!(nested is VariableExpressionAst variable))
                    throw new WcxInputException("Only plain $variables can be expanded in a filter string, not " + nested.Extent.Text + ".", "Filter");
                var start = nested.Extent.StartOffset - expandable.Extent.StartOffset - 1;
                parts.Add((start, start + nested.Extent.Text.Length,
                    Convert.ToString(Variable(variable), CultureInfo.InvariantCulture) ?? ""));
            }
            var raw = expandable.Extent.Text.Substring(1, expandable.Extent.Text.Length - 2);
            if (parts.Count == 0)
                return text;
            var result = new System.Text.StringBuilder();
            var at = 0;
            foreach (var part in parts.OrderBy(p => p.Start))
            {
                result.Append(raw, at, part.Start - at).Append(part.Value);
                at = part.End;
            }
            return result.Append(raw.Substring(at)).ToString();
        }

        private static object? Plain(object? value) => PowerShellValues.Unwrap(value);

        private static object? Negate(object? value) => value switch
        {
            int i => -i,
            long l => -l,
            double d => -d,
            decimal m => -m,
            _ => throw new WcxInputException("'-" + value + "' is not a number.", "Filter"),
        };
    }
}
