namespace WiseCx
{
    /// <summary>One custom field: the API sends these as a list of name/value pairs, not as an object.</summary>
    public sealed class CustomField
    {
        /// <summary>An empty custom field, to fill in by property.</summary>
        public CustomField() { }

        /// <summary>The custom field <paramref name="field"/> with the value <paramref name="value"/>.</summary>
        public CustomField(string field, string? value)
        {
            Field = field;
            Value = value;
        }

        /// <summary>The custom field's name.</summary>
        public string Field { get; set; } = "";

        /// <summary>Its value, always text on the wire.</summary>
        public string? Value { get; set; }

        /// <summary><c>name=value</c>, as lists of custom fields join them.</summary>
        public override string ToString() => Field + "=" + Value;
    }
}
