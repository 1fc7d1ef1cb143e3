using System.Globalization;

namespace WiseCx.PowerShell.Internal
{
    /// <summary>
    /// Lets a switch or [bool] parameter bind from text, as Import-Csv gives it: "true"/"false", "1"/"0", "yes"/"no";
    /// an empty cell is false. PowerShell's binder refuses strings for these types, and a plain cast would make
    /// "false" true.
    /// </summary>
    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
    public sealed class BooleanTextAttribute : ArgumentTransformationAttribute
    {
        public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData)
        {
            var value = inputData is PSObject ps ? ps.BaseObject : inputData;
            switch (value)
            {
                case null:
                    return false;
                case bool _:
                case SwitchParameter _:
                    return value;
                case string text:
                    return Parse(text);
                case var whole when PowerShellValues.IsWholeNumber(whole):
                    var number = Convert.ToDecimal(value, CultureInfo.InvariantCulture);
                    if (number == 0 || number == 1)
                        return number == 1;
                    break;
            }
            throw new ArgumentTransformationMetadataException("Expected true or false (also 1/0, yes/no); got '" + value + "'.");
        }

        private static bool Parse(string text)
        {
            switch (text.Trim().TrimStart('$').ToLowerInvariant())
            {
                case "":
                case "false":
                case "0":
                case "no":
                case "n":
                    return false;
                case "true":
                case "1":
                case "yes":
                case "y":
                    return true;
                default:
                    throw new ArgumentTransformationMetadataException("Expected true or false (also 1/0, yes/no); got '" + text + "'.");
            }
        }
    }
}
