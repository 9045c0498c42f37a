"""The example gRPC server (runtime/examples/grpc_server.rs) as Google's own Python client sees
it: each call's status read with grpc_status.rpc_status.from_call (which also checks that the
google.rpc.Status in `grpc-status-details-bin` agrees with `grpc-status` and
`grpc-message`), its details unpacked with googleapis-common-protos.

Usage: python check.py PORT. Prints one line per check; exits 1 on any mismatch.
"""

import sys

import grpc
from google.protobuf import descriptor_pb2, descriptor_pool, message_factory
from google.rpc import error_details_pb2
from grpc_status import rpc_status


def shop_messages():
    """The messages of package shop.v1, defined from their descriptor (no protoc)."""
    u64 = descriptor_pb2.FieldDescriptorProto.TYPE_UINT64
    i64 = descriptor_pb2.FieldDescriptorProto.TYPE_INT64
    string = descriptor_pb2.FieldDescriptorProto.TYPE_STRING
    messages = {
        "GetProductRequest": [("id", u64)],
        "Product": [("id", u64), ("name", string)],
        "PlaceOrderRequest": [("product", u64), ("quantity", i64)],
        "Order": [("id", u64), ("product", u64), ("quantity", i64)],
        "CheckoutRequest": [],
        "CheckoutResponse": [],
    }
    file = descriptor_pb2.FileDescriptorProto(
        name="shop/v1/shop.proto", package="shop.v1", syntax="proto3"
    )
    for name, fields in messages.items():
        message = file.message_type.add(name=name)
        for number, (field, kind) in enumerate(fields, start=1):
            message.field.add(
                name=field,
                number=number,
                type=kind,
                label=descriptor_pb2.FieldDescriptorProto.LABEL_OPTIONAL,
            )
    pool = descriptor_pool.DescriptorPool()
    pool.Add(file)
    return {
        name: message_factory.GetMessageClass(pool.FindMessageTypeByName(f"shop.v1.{name}"))
        for name in messages
    }


M = shop_messages()
failures = 0


def check(what, got, expected):
    global failures
    if got == expected:
        print(f"ok    {what}: {got!r}")
    else:
        failures += 1
        print(f"FAIL  {what}:\n        got      {got!r}\n        expected {expected!r}")


def call(channel, method, request, response=None):
    """A unary call; `request` is a message, or bytes sent as they are."""
    if isinstance(request, bytes):
        serialize = None  # identity: the bytes go on the wire as given
    else:
        serialize = type(request).SerializeToString
    stub = channel.unary_unary(
        method,
        request_serializer=serialize,
        response_deserializer=response.FromString if response else None,
    )
    try:
        return stub(request, timeout=10), None
    except grpc.RpcError as error:
        return None, error


def details(error):
    """The error's google.rpc.Status, by rpc_status.from_call, and its details by type."""
    status = rpc_status.from_call(error)
    if status is None:
        return None, {}
    found = {}
    for any_ in status.details:
        for kind in (
            error_details_pb2.ErrorInfo,
            error_details_pb2.BadRequest,
            error_details_pb2.RetryInfo,
            error_details_pb2.Help,
        ):
            if any_.Is(kind.DESCRIPTOR):
                message = kind()
                any_.Unpack(message)
                found[kind.__name__] = message
                break
        else:
            found[any_.type_url] = any_.value
    return status, found


def error_info(found):
    info = found.get("ErrorInfo")
    if info is None:
        return None
    return (info.reason, info.domain, dict(info.metadata))


def expect_error(channel, what, method, request, code, message, info, detail_types):
    _, error = call(channel, method, request)
    if error is None:
        check(f"{what}: an error", "a response", code.name)
        return {}
    check(f"{what}: code", error.code(), code)
    check(f"{what}: message", error.details(), message)
    status, found = details(error)
    check(f"{what}: google.rpc.Status code", status and status.code, code.value[0])
    check(f"{what}: detail types", sorted(found), sorted(detail_types))
    check(f"{what}: ErrorInfo (reason, domain, metadata)", error_info(found), info)
    return found


def main():
    port = int(sys.argv[1])
    channel = grpc.insecure_channel(f"127.0.0.1:{port}")
    grpc.channel_ready_future(channel).result(timeout=30)

    product, error = call(
        channel, "/shop.v1.Shop/GetProduct", M["GetProductRequest"](id=1), M["Product"]
    )
    check("GetProduct 1: no error", error and error.code(), None)
    check(
        "GetProduct 1: the product",
        product and (product.id, product.name),
        (1, "teapot"),
    )

    found = expect_error(
        channel,
        "GetProduct 7",
        "/shop.v1.Shop/GetProduct",
        M["GetProductRequest"](id=7),
        grpc.StatusCode.NOT_FOUND,
        "product not found",
        ("product_not_found", "shop.example", {}),
        ["ErrorInfo", "Help"],
    )
    check(
        "GetProduct 7: Help link",
        [link.url for link in found["Help"].links] if "Help" in found else None,
        ["https://shop.example/errors/product_not_found"],
    )

    found = expect_error(
        channel,
        "PlaceOrder product 0 quantity 100",
        "/shop.v1.Shop/PlaceOrder",
        M["PlaceOrderRequest"](product=0, quantity=100),
        grpc.StatusCode.INVALID_ARGUMENT,
        "Unprocessable Content",
        (
            "422",
            "shop.example",
            {
                "pointer[0]": "/product",
                "quantity[1]": "100",
                "max[1]": "99",
                "pointer[1]": "/quantity",
            },
        ),
        ["BadRequest", "ErrorInfo"],
    )
    check(
        "PlaceOrder product 0 quantity 100: BadRequest (field, description, reason)",
        [
            (v.field, v.description, v.reason)
            for v in found["BadRequest"].field_violations
        ]
        if "BadRequest" in found
        else None,
        [
            ("product", "invalid product", "invalid_product"),
            ("quantity", "invalid quantity", "invalid_quantity"),
        ],
    )

    found = expect_error(
        channel,
        "Checkout",
        "/shop.v1.Shop/Checkout",
        M["CheckoutRequest"](),
        grpc.StatusCode.RESOURCE_EXHAUSTED,
        "too many checkouts",
        ("rate_limited", "shop.example", {}),
        ["ErrorInfo", "Help", "RetryInfo"],
    )
    check(
        "Checkout: RetryInfo delay (seconds, nanos)",
        (found["RetryInfo"].retry_delay.seconds, found["RetryInfo"].retry_delay.nanos)
        if "RetryInfo" in found
        else None,
        (30, 0),
    )

    expect_error(
        channel,
        "unknown method Refund",
        "/shop.v1.Shop/Refund",
        M["GetProductRequest"](id=1),
        grpc.StatusCode.UNIMPLEMENTED,
        "no such route",
        ("no_such_route", "shop.example", {"instance": "/shop.v1.Shop/Refund"}),
        ["ErrorInfo", "Help"],
    )
    expect_error(
        channel,
        "unknown service shop.v2.Shop",
        "/shop.v2.Shop/GetProduct",
        M["GetProductRequest"](id=1),
        grpc.StatusCode.UNIMPLEMENTED,
        "no such route",
        ("no_such_route", "shop.example", {"instance": "/shop.v2.Shop/GetProduct"}),
        ["ErrorInfo", "Help"],
    )

    # Raw bytes through identity serializers: a key whose varint never ends, and field 1 as a
    # string where GetProductRequest has a uint64.
    for what, raw in [
        ("bytes ff ff ff ff", b"\xff\xff\xff\xff"),
        ("field 1 as a string", b"\x0a\x03one"),
    ]:
        expect_error(
            channel,
            f"GetProduct with {what}",
            "/shop.v1.Shop/GetProduct",
            raw,
            grpc.StatusCode.INVALID_ARGUMENT,
            "invalid request message",
            ("invalid_message", "shop.example", {}),
            ["ErrorInfo", "Help"],
        )

    channel.close()
    if failures:
        print(f"grpc-check: {failures} checks failed")
        sys.exit(1)
    print("grpc-check: every check passed")


if __name__ == "__main__":
    main()
