namespace WiseCx.Sandbox.Endpoints;

/// <summary>GET /whatsapp_templates: <c>{"data": [...]}</c>, no paging object.</summary>
internal static class WhatsAppTemplateEndpoints
{
    /// <summary>The possible fields, written in the order of the collection's example answer.</summary>
    public static readonly FieldSet<WhatsAppTemplateRecord> Fields = new FieldSet<WhatsAppTemplateRecord>()
        .Add("template_id", t => t.TemplateId, t => t.TemplateId)
        .Add("name", t => t.Name, t => t.Name)
        .Add("content", t => t.Content)
        .Add("whatsapp_number", t => t.WhatsAppNumber, t => t.WhatsAppNumber)
        .Add("whatsapp_description", t => t.WhatsAppDescription, t => t.WhatsAppDescription);

    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/whatsapp_templates", List);
    }

    private static IResult List(HttpContext http, SandboxStore store) => ListShapes.DataList(
        http, store, Fields, null, "WhatsApp templates", "template_id", state => state.WhatsAppTemplates, t => t.TemplateId);
}
