namespace WiseCx.PowerShell.Internal
{
    /// <summary>
    /// An empty or blank string binds as null, which the commands read as "not given": a contact whose Phone is "" or
    /// an empty CSV cell then leaves the parameter out instead of failing the record (or, for numbers and dates, failing
    /// to convert). Parameters carrying it have no ValidateNotNullOrEmpty/ValidateRange, which would refuse the null.
    /// </summary>
    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
    public sealed class EmptyAsAbsentAttribute : ArgumentTransformationAttribute
    {
        public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData) =>
            IsEmpty(inputData) ? null : inputData;

        /// <summary>Null, or a string with nothing but white space.</summary>
        internal static bool IsEmpty(object? value) =>
            (value is PSObject ps ? ps.BaseObject : value) is string text ? string.IsNullOrWhiteSpace(text) : value is null;
    }
}

namespace WiseCx.PowerShell.Internal
{
    /// <summary>
    /// ValidateRange for an optional number that may bind null (an empty cell, see <see cref="EmptyAsAbsentAttribute"/>):
    /// null passes, every number given must be at least <see cref="Minimum"/>.
    /// </summary>
    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
    public sealed class ValidateAtLeastAttribute : ValidateArgumentsAttribute
    {
        public ValidateAtLeastAttribute(long minimum) => Minimum = minimum;

        public long Minimum { get; }

        protected override void Validate(object arguments, EngineIntrinsics engineIntrinsics)
        {
            var value = arguments is PSObject ps ? ps.BaseObject : arguments;
            if (value is System.Collections.IEnumerable list && !(value is string))
            {
                foreach (var item in list)
                    Validate(item, engineIntrinsics);
            }
            else if (value != null && System.Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture) < Minimum)
            {
                throw new ValidationMetadataException("The argument " + value + " is less than the minimum allowed value " + Minimum + ".");
            }
        }
    }
}
