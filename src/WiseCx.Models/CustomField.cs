namespace WiseCx
{
    /// <summary>One custom field: the API sends these as a list of name/value pairs, not as an object.</summary>
    public sealed class CustomField
    {
        public CustomField() { }

        public CustomField(string field, string? value)
        {
            Field = field;
            Value = value;
        }

        /// <summary>The custom field's name.</summary>
        public string Field { get; set; } = "";

        /// <summary>Its value, always text on the wire.</summary>
        public string? Value { get; set; }

        public override string ToString() => Field + "=" + Value;
    }
}
