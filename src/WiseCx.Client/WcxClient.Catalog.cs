using WiseCx.Client.Services;

namespace WiseCx.Client
{
    public sealed partial class WcxClient
    {
        private CustomFieldOptionService? _customFieldOptions;

        /// <summary>The options of custom fields (/cases/fields/{field_name}/options, from the vendor's Spanish documentation).</summary>
        public CustomFieldOptionService CustomFieldOptions =>
            Service(ref _customFieldOptions, (connection, pager) => new CustomFieldOptionService(connection, pager));
    }
}
