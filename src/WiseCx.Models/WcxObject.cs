using System.Collections.Generic;

namespace WiseCx
{
    /// <summary>Base of every object the API returns: keeps the fields this version of the module does not model.</summary>
    public abstract class WcxObject
    {
        /// <summary>Fields the API sent that have no property here, by their API name, so nothing is silently dropped.</summary>
        public IDictionary<string, object?> AdditionalProperties { get; set; } = new Dictionary<string, object?>();
    }
}
