namespace WiseCx
{
    /// <summary>Base of every object the API returns: keeps the fields this version of the module does not model.</summary>
    public abstract class WcxObject
    {
        /// <summary>
        /// Fields the API sent that have no property here, by their API name, so nothing is silently dropped. Read from the
        /// API it is a <see cref="WcxFieldMap"/>, whose text lists the fields (name=value;…) rather than a type name.
        /// </summary>
        public IDictionary<string, object?> AdditionalProperties { get; set; } = new WcxFieldMap();

        /// <summary>
        /// Secret fields the API sent (a contact's password): kept out of the properties so that display, Export-Csv and
        /// ConvertTo-Json never show them; a model offers a method to read one deliberately (<see cref="Contact.GetPassword"/>).
        /// </summary>
        internal Dictionary<string, object?>? WithheldFields { get; set; }

        /// <summary>A withheld field by its API name, as text; null when the API did not send it.</summary>
        private protected string? Withheld(string apiName) =>
            WithheldFields != null && WithheldFields.TryGetValue(apiName, out var value) ? value?.ToString() : null;
    }
}
