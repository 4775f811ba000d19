# richards: a small operating-system task scheduler in the style of Martin
# Richards' benchmark, written here from its published description: an idle
# task, a worker, two handlers and two devices exchange packets through
# priority-ordered task control blocks. Measures method calls through
# subclasses, attribute reads/writes and linked-list walking.
# Size: idle-task iterations (argv[1]). Prints packets queued and holds.
import sys

IDLE, WORKER, HANDLER_A, HANDLER_B, DEVICE_A, DEVICE_B = 1, 2, 3, 4, 5, 6
KIND_DEVICE, KIND_WORK = 0, 1
WORK_SLOTS = 4


class Packet:
    def __init__(self, link, dest, kind):
        self.link = link
        self.dest = dest
        self.kind = kind
        self.count = 0
        self.data = [0] * WORK_SLOTS

    def append_to(self, queue):
        """Append self at the end of the queue; return the new head."""
        self.link = None
        if queue is None:
            return self
        p = queue
        while p.link is not None:
            p = p.link
        p.link = self
        return queue


class Task:
    def __init__(self, sched, ident, priority, queue):
        self.sched = sched
        self.ident = ident
        self.priority = priority
        self.queue = queue
        self.waiting = False
        self.held = False
        self.link = sched.tasks
        sched.tasks = self
        sched.by_id[ident] = self

    def runnable(self):
        if self.held:
            return False
        return not self.waiting or self.queue is not None

    def take_packet(self):
        p = self.queue
        if p is not None:
            self.queue = p.link
            self.waiting = False
        return p

    def step(self, packet):
        raise NotImplementedError


class IdleTask(Task):
    def __init__(self, sched, count):
        Task.__init__(self, sched, IDLE, 0, None)
        self.bits = 1
        self.count = count

    def step(self, packet):
        self.count -= 1
        if self.count == 0:
            return self.sched.hold_current()
        if self.bits & 1 == 0:
            self.bits >>= 1
            return self.sched.release(DEVICE_A)
        self.bits = (self.bits >> 1) ^ 0xD008
        return self.sched.release(DEVICE_B)


class WorkerTask(Task):
    def __init__(self, sched, queue):
        Task.__init__(self, sched, WORKER, 1000, queue)
        self.target = HANDLER_A
        self.letter = 0

    def step(self, packet):
        if packet is None:
            return self.sched.wait_current()
        self.target = HANDLER_B if self.target == HANDLER_A else HANDLER_A
        packet.dest = self.target
        packet.count = 0
        for i in range(WORK_SLOTS):
            self.letter += 1
            if self.letter > 26:
                self.letter = 1
            packet.data[i] = self.letter
        return self.sched.send(packet)


class HandlerTask(Task):
    def __init__(self, sched, ident, priority, queue):
        Task.__init__(self, sched, ident, priority, queue)
        self.work = None
        self.devices = None

    def step(self, packet):
        if packet is not None:
            if packet.kind == KIND_WORK:
                self.work = packet.append_to(self.work)
            else:
                self.devices = packet.append_to(self.devices)
        work = self.work
        if work is not None:
            if work.count >= WORK_SLOTS:
                self.work = work.link
                return self.sched.send(work)
            dev = self.devices
            if dev is not None:
                self.devices = dev.link
                dev.count = work.data[work.count]
                work.count += 1
                return self.sched.send(dev)
        return self.sched.wait_current()


class DeviceTask(Task):
    def __init__(self, sched, ident, priority):
        Task.__init__(self, sched, ident, priority, None)
        self.pending = None

    def step(self, packet):
        if packet is None:
            p = self.pending
            if p is None:
                return self.sched.wait_current()
            self.pending = None
            return self.sched.send(p)
        self.pending = packet
        self.sched.chars_out += packet.count
        return self.sched.hold_current()


class Scheduler:
    def __init__(self):
        self.tasks = None
        self.by_id = {}
        self.current = None
        self.queued = 0
        self.holds = 0
        self.chars_out = 0

    def release(self, ident):
        t = self.by_id[ident]
        t.held = False
        if t.priority > self.current.priority:
            return t
        return self.current

    def hold_current(self):
        self.holds += 1
        self.current.held = True
        return self.current.link

    def wait_current(self):
        self.current.waiting = True
        return self.current

    def send(self, packet):
        t = self.by_id[packet.dest]
        self.queued += 1
        packet.dest = self.current.ident
        was_empty = t.queue is None
        t.queue = packet.append_to(t.queue)
        if was_empty and t.priority > self.current.priority:
            return t
        return self.current

    def run(self):
        t = self.tasks
        while t is not None:
            if t.runnable():
                self.current = t
                t = t.step(t.take_packet())
            else:
                t = t.link


def run_once(count):
    s = Scheduler()
    IdleTask(s, count)
    wq = Packet(None, WORKER, KIND_WORK)
    wq = Packet(wq, WORKER, KIND_WORK)
    WorkerTask(s, wq)
    q = Packet(None, DEVICE_A, KIND_DEVICE)
    q = Packet(q, DEVICE_A, KIND_DEVICE)
    q = Packet(q, DEVICE_A, KIND_DEVICE)
    HandlerTask(s, HANDLER_A, 2000, q)
    q = Packet(None, DEVICE_B, KIND_DEVICE)
    q = Packet(q, DEVICE_B, KIND_DEVICE)
    q = Packet(q, DEVICE_B, KIND_DEVICE)
    HandlerTask(s, HANDLER_B, 3000, q)
    DeviceTask(s, DEVICE_A, 4000)
    DeviceTask(s, DEVICE_B, 5000)
    s.run()
    return s.queued, s.holds, s.chars_out


def main():
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 10000
    print("richards", count, *run_once(count))


main()
