using System.Net;
using System.Text;
using System.Text.Json;
using WiseCx.Client.Filtering;
using WiseCx.Client.Http;
using WiseCx.Client.Json;
using WiseCx.Client.Paging;
using WiseCx.Client.Services;
using WiseCx.Tests.Unit.Support;

namespace WiseCx.Tests.Unit;

/// <summary>Orders, Mercado Libre orders, channels and WhatsApp templates.</summary>
public class OrderTests
{
    private static ApiResponse Response(string body) => new(HttpStatusCode.OK, Encoding.UTF8.GetBytes(body), null);

    private static List<string> ApiRequests(StubHandler handler) => handler.Requests.Where(r => !r.Contains("/authenticate")).ToList();

    private static OrderCreateRequest ValidOrder() => new()
    {
        EcommerceStoreId = "store-08wc10clz4",
        EcommercePlatform = "Custom",
        EcommerceOrderId = "123a456b",
        TotalAmount = 466.50m,
        Customer = new OrderCustomerInput { Name = "test", Email = "test@gmail.com", Phone = "1234512345" },
    };

    [Fact]
    public void Order_list_example_reads_with_customer_and_dates()
    {
        var page = WcxJsonReader.ReadPage<Order>(Response(CollectionExamples.ResponseBody("GET", "orders")), "GET", "orders");
        Assert.Equal(2, page.Items.Count);
        var first = page.Items[0];
        Assert.Equal(1001, first.Id);
        Assert.Equal("pending", first.Status);
        Assert.Equal("John Doe", first.Customer!.Name);
        Assert.Equal("12345678", first.Customer.PersonalId);
        Assert.Equal(new DateTime(2024, 3, 15, 10, 30, 0, DateTimeKind.Utc), first.CreatedAt?.ToUniversalTime());
        Assert.Empty(first.AdditionalProperties);
    }

    [Theory]
    [InlineData("POST", "orders", 7387492)]
    [InlineData("PUT", "orders/{{id}}", 7387474)]
    public void Write_examples_carry_the_id_twice_once_as_json_in_a_string(string method, string path, long id)
    {
        var result = WcxJsonReader.Read<OrderWriteResult>(Response(CollectionExamples.ResponseBody(method, path)), method, path);
        Assert.Equal(id, result.Id);
        Assert.Equal(id, OrderService.IdInMessage(result.Message));
    }

    [Fact]
    public void When_only_the_message_names_the_id_the_client_takes_it_from_there()
    {
        var handler = new StubHandler((r, _) => StubHandler.Json(HttpStatusCode.OK, "{\"message\":\"{\\\"id\\\":555}\"}"));
        using var client = Clients.Stubbed(handler);
        Assert.Equal(555, client.Orders.CreateAsync(ValidOrder(), CancellationToken.None).GetAwaiter().GetResult().Id);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("OK")]
    [InlineData("{\"other\":1}")]
    [InlineData("{not json")]
    public void A_message_without_an_id_gives_none(string? message) => Assert.Null(OrderService.IdInMessage(message));

    [Fact]
    public void Meli_order_example_reads_bare_with_its_order_data()
    {
        var order = WcxJsonReader.ReadObject<MeliOrder>(Response(CollectionExamples.ResponseBody("GET", "meli/orders/{{id}}")), "GET", "meli/orders/1", wrapped: false);
        Assert.Equal(12990000, order.Id);
        Assert.Equal("200000111111450", order.MeliOrderId);
        Assert.Equal("MLA111231321", order.ProductId);
        Assert.Equal("1368454654", order.BuyerId);
        Assert.Equal(new DateTime(2023, 11, 1, 14, 48, 3, DateTimeKind.Utc), order.CreatedAt?.ToUniversalTime());
    }

    [Fact]
    public void Order_data_reaches_powershell_as_plain_values()
    {
        var handler = new StubHandler((r, _) => StubHandler.Json(HttpStatusCode.OK,
            "{\"id\":1,\"meli_order_id\":\"2\",\"order_data\":{\"status\":\"paid\",\"items\":[{\"qty\":2}]}}"));
        using var client = Clients.Stubbed(handler);
        var order = client.Orders.GetMeliAsync(1, CancellationToken.None).GetAwaiter().GetResult();
        var data = Assert.IsAssignableFrom<IDictionary<string, object?>>(order.OrderData);
        Assert.Equal("paid", data["status"]);
        Assert.Equal(2L, ((IDictionary<string, object?>)((object?[])data["items"]!)[0]!)["qty"]);
        Assert.Equal(new[] { "GET /core/v1/meli/orders/1" }, ApiRequests(handler));
    }

    [Fact]
    public void Create_request_is_written_as_the_collection_shows_it()
    {
        var request = ValidOrder();
        request.Status = "cancelled";
        request.RejectReason = "Tarjeta sin fondos";
        request.SalesRecovery = true;
        OrderService.ValidateCreate(request);
        Assert.Equal(
            "{\"ecommerce_store_id\":\"store-08wc10clz4\",\"ecommerce_platform\":\"custom\",\"ecommerce_order_id\":\"123a456b\",\"status\":\"cancelled\"," +
            "\"reject_reason\":\"Tarjeta sin fondos\",\"total_amount\":466.50,\"sales_recovery\":true," +
            "\"customer\":{\"name\":\"test\",\"email\":\"test@gmail.com\",\"phone\":\"1234512345\"}}",
            JsonSerializer.Serialize(request, WcxJson.Options));
    }

    public static TheoryData<Action<OrderCreateRequest>, string> BadOrders => new()
    {
        { o => o.EcommerceStoreId = " ", "EcommerceStoreId" },
        { o => o.EcommercePlatform = " ", "EcommercePlatform" },
        { o => o.EcommerceOrderId = "", "EcommerceOrderId" },
        { o => o.TotalAmount = null, "TotalAmount" },
        { o => o.TotalAmount = -1, "TotalAmount" },
        { o => o.Customer = null, "Customer" },
        { o => o.Customer!.Email = null, "Customer" },
    };

    [Theory]
    [MemberData(nameof(BadOrders))]
    public void Bad_orders_are_refused_before_any_request(Action<OrderCreateRequest> spoil, string parameter)
    {
        var handler = new StubHandler((r, _) => StubHandler.Json(HttpStatusCode.OK, "{\"id\":1}"));
        using var client = Clients.Stubbed(handler);
        var order = ValidOrder();
        spoil(order);
        var ex = Assert.Throws<WcxInputException>(() => client.Orders.CreateAsync(order, CancellationToken.None).GetAwaiter().GetResult());
        Assert.Equal(parameter, ex.ParameterName);
        Assert.Empty(ApiRequests(handler));
    }

    [Fact]
    public void An_update_that_changes_nothing_or_names_no_order_is_refused()
    {
        var handler = new StubHandler((r, _) => StubHandler.Json(HttpStatusCode.OK, "{\"id\":1}"));
        using var client = Clients.Stubbed(handler);
        Assert.Throws<WcxInputException>(() => client.Orders.UpdateAsync(1, new OrderUpdateRequest(), CancellationToken.None).GetAwaiter().GetResult());
        Assert.Throws<WcxInputException>(() => client.Orders.UpdateAsync(0, new OrderUpdateRequest { Status = "x" }, CancellationToken.None).GetAwaiter().GetResult());
        Assert.Empty(ApiRequests(handler));
        Assert.Equal(1, client.Orders.UpdateAsync(1, new OrderUpdateRequest { RejectReason = "Sin Stock", SalesRecovery = false }, CancellationToken.None).GetAwaiter().GetResult().Id);
    }

    [Fact]
    public void Order_filter_uses_the_order_table_and_sort_field()
    {
        var handler = new StubHandler((r, _) => StubHandler.Json(HttpStatusCode.OK, "[]"));
        using var client = Clients.Stubbed(handler);
        client.Orders.List(new ListQuery
        {
            Fields = new[] { "ID", "status" },
            Filter = new[] { new Client.Filtering.FilterCondition("status", Client.Filtering.FilterOperator.Contains, new object?[] { "cancel" }) },
            SortField = "created_at",
            Descending = true,
        }, CancellationToken.None).ToList();
        var query = System.Web.HttpUtility.ParseQueryString(handler.Messages.Last().RequestUri!.Query);
        Assert.Equal("id,status", query["fields"]);
        Assert.Equal("[{'field':'order.status','operator':'CONTAINS','value':'cancel'}]", query["filtering"]);
        Assert.Equal("desc", query["sort"]);
        Assert.Equal("created_at", query["sort_field"]);
        Assert.Throws<WcxInputException>(() => client.Orders.List(new ListQuery
        {
            Filter = new[] { new Client.Filtering.FilterCondition("created_at", Client.Filtering.FilterOperator.In, new object?[] { "2024-01-01" }) },
        }, CancellationToken.None));
    }

    [Fact]
    public void Channel_example_reads_with_string_ids()
    {
        var page = WcxJsonReader.ReadPage<Channel>(Response(CollectionExamples.ResponseBody("GET", "channels")), "GET", "channels");
        Assert.Equal(new[] { "11330", "17029", "596" }, page.Items.Select(c => c.Id));
        Assert.Equal("incoming_whatsapp", page.Items[2].Source);
        Assert.Null(page.TotalPages);
    }

    [Fact]
    public void WhatsApp_template_example_reads_whatsapp_fields()
    {
        var page = WcxJsonReader.ReadPage<WhatsAppTemplate>(Response(CollectionExamples.ResponseBody("GET", "whatsapp_templates")), "GET", "whatsapp_templates");
        Assert.Equal(4, page.Items.Count);
        Assert.Equal(1, page.Items[0].TemplateId);
        Assert.Equal("5493514544", page.Items[0].WhatsappNumber);
        Assert.Equal("Consultas", page.Items[0].WhatsappDescription);
        Assert.Contains("{{1}}", page.Items[0].Content);
        Assert.All(page.Items, t => Assert.Empty(t.AdditionalProperties));
    }

    [Fact]
    public void Template_and_channel_fields_take_the_documented_spelling_and_others_are_sent_as_given()
    {
        var handler = new StubHandler((r, _) => StubHandler.Json(HttpStatusCode.OK, "{\"data\":[]}"));
        using var client = Clients.Stubbed(handler);
        var warnings = new List<string>();
        var parameters = new ListQuery { Fields = new[] { "template_id" }, SortField = "id" }.ToParameters(Endpoints.Channels, warnings.Add);
        Assert.Equal("template_id", parameters.Single(p => p.Key == "fields").Value);
        Assert.Equal("id", parameters.Single(p => p.Key == "sort_field").Value);
        Assert.Equal("-Property 'template_id' is not a documented field of /channels; it is sent as given and the API decides. Documented: id, name, source.",
            Assert.Single(warnings));
        client.Channels.ListWhatsAppTemplates(new ListQuery { Fields = new[] { "template_id", "WhatsApp_Number" } }, CancellationToken.None).ToList();
        Assert.Equal(new[] { "GET /core/v1/whatsapp_templates?fields=template_id%2Cwhatsapp_number&limit=100&page=1" }, ApiRequests(handler));
    }
}
