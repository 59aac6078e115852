#!/usr/bin/env python3
"""A two-port Ethernet bridge that holds every frame for a fixed time: the lab's link latency.

    python3 delay-bridge.py <interface-a> <interface-b> <one-way-delay-ms>

The lab uses it where the kernel has no netem qdisc (CONFIG_NET_SCH_NETEM unset). It runs in a
namespace of its own between the client and the router, so the link stays one Ethernet segment:
DHCP broadcasts and ARP pass as they would through a switch. Written in Python because Node has
no raw packet (AF_PACKET) sockets. Prints "ready" once both ports are open.
"""
import heapq
import itertools
import selectors
import socket
import struct
import sys
import time

ETH_P_ALL = 0x0003
PACKET_OUTGOING = 4  # frames this bridge itself sent, which a packet socket also sees
MAX_FRAME = 65536


def ones_complement_sum(data: bytes) -> int:
    if len(data) % 2:
        data += b"\0"
    total = sum(struct.unpack(f"!{len(data) // 2}H", data))
    while total >> 16:
        total = (total & 0xFFFF) + (total >> 16)
    return total


def with_checksum(frame: bytes) -> bytes:
    """Completes the TCP or UDP checksum of an IPv4 frame.

    veth leaves these to "hardware" (checksum offload), and a packet socket sees the frame before
    that happens; a NIC would fill them in on the wire, so the bridge does it in its place.
    """
    if len(frame) < 34 or frame[12:14] != b"\x08\x00":
        return frame
    header_length = (frame[14] & 0x0F) * 4
    protocol = frame[23]
    offset = {6: 16, 17: 6}.get(protocol)
    total_length = struct.unpack("!H", frame[16:18])[0]
    start, end = 14 + header_length, 14 + total_length
    if offset is None or end > len(frame) or end - start < offset + 2 or struct.unpack("!H", frame[20:22])[0] & 0x3FFF:
        return frame  # not TCP/UDP, truncated, or a fragment: leave it as it is
    segment = bytearray(frame[start:end])
    segment[offset:offset + 2] = b"\0\0"
    pseudo = frame[26:34] + struct.pack("!BBH", 0, protocol, len(segment))
    checksum = 0xFFFF - ones_complement_sum(pseudo + bytes(segment))
    segment[offset:offset + 2] = struct.pack("!H", checksum or 0xFFFF)
    return frame[:start] + bytes(segment) + frame[end:]


def open_port(name: str) -> socket.socket:
    port = socket.socket(socket.AF_PACKET, socket.SOCK_RAW, socket.htons(ETH_P_ALL))
    port.bind((name, ETH_P_ALL))
    port.setblocking(False)
    return port


def main() -> None:
    name_a, name_b, delay_text = sys.argv[1:4]
    delay = float(delay_text) / 1000
    port_a, port_b = open_port(name_a), open_port(name_b)
    other = {port_a: port_b, port_b: port_a}
    selector = selectors.DefaultSelector()
    selector.register(port_a, selectors.EVENT_READ)
    selector.register(port_b, selectors.EVENT_READ)
    queue: list = []  # (due, sequence, out-port, frame); the sequence keeps frames in order
    sequence = itertools.count()
    print("ready", flush=True)
    while True:
        timeout = max(0.0, queue[0][0] - time.monotonic()) if queue else None
        for key, _ in selector.select(timeout):
            while True:
                try:
                    frame, address = key.fileobj.recvfrom(MAX_FRAME)
                except BlockingIOError:
                    break
                if address[2] != PACKET_OUTGOING:
                    heapq.heappush(queue, (time.monotonic() + delay, next(sequence), other[key.fileobj], with_checksum(frame)))
        now = time.monotonic()
        while queue and queue[0][0] <= now:
            _, _, out, frame = heapq.heappop(queue)
            try:
                out.send(frame)
            except OSError as error:
                # An oversized (offloaded) frame or a port going down: drop it, as a switch would.
                print(f"dropped a {len(frame)}-byte frame: {error}", file=sys.stderr, flush=True)


if __name__ == "__main__":
    main()
