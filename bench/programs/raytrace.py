# raytrace: renders a scene of spheres over a checkered plane with one point
# light, hard shadows and two levels of mirror reflection, at size x size
# pixels. Measures small-object allocation (a Vec class with operator
# methods), method calls and float arithmetic. Only + - * / and sqrt are
# used, so colours are bit-identical everywhere; the checksum is over the
# 8-bit quantised pixels. Size: image width and height (argv[1]).
import sys
from math import sqrt

EPSILON = 1e-7
INF = float("inf")


class Vec:
    __slots__ = ("x", "y", "z")

    def __init__(self, x, y, z):
        self.x = x
        self.y = y
        self.z = z

    def __add__(self, o):
        return Vec(self.x + o.x, self.y + o.y, self.z + o.z)

    def __sub__(self, o):
        return Vec(self.x - o.x, self.y - o.y, self.z - o.z)

    def __mul__(self, k):
        return Vec(self.x * k, self.y * k, self.z * k)

    def dot(self, o):
        return self.x * o.x + self.y * o.y + self.z * o.z

    def length(self):
        return sqrt(self.dot(self))

    def normalized(self):
        return self * (1.0 / self.length())

    def scale(self, o):
        return Vec(self.x * o.x, self.y * o.y, self.z * o.z)


class Ray:
    __slots__ = ("origin", "direction")

    def __init__(self, origin, direction):
        self.origin = origin
        self.direction = direction

    def at(self, t):
        return self.origin + self.direction * t


class Material:
    def __init__(self, colour, diffuse, reflect, checker=False):
        self.colour = colour
        self.diffuse = diffuse
        self.reflect = reflect
        self.checker = checker

    def colour_at(self, point):
        if not self.checker:
            return self.colour
        if (int(point.x + 1000.0) + int(point.z + 1000.0)) % 2:
            return self.colour
        return Vec(0.1, 0.1, 0.1)


class Sphere:
    def __init__(self, centre, radius, material):
        self.centre = centre
        self.radius = radius
        self.material = material

    def intersect(self, ray):
        oc = ray.origin - self.centre
        b = oc.dot(ray.direction)
        c = oc.dot(oc) - self.radius * self.radius
        disc = b * b - c
        if disc < 0.0:
            return INF
        root = sqrt(disc)
        t = -b - root
        if t > EPSILON:
            return t
        t = -b + root
        if t > EPSILON:
            return t
        return INF

    def normal(self, point):
        return (point - self.centre).normalized()


class Plane:
    def __init__(self, point, normal, material):
        self.point = point
        self.n = normal.normalized()
        self.material = material

    def intersect(self, ray):
        d = ray.direction.dot(self.n)
        if -EPSILON < d < EPSILON:
            return INF
        t = (self.point - ray.origin).dot(self.n) / d
        return t if t > EPSILON else INF

    def normal(self, point):
        return self.n


class Scene:
    def __init__(self):
        self.objects = [
            Plane(Vec(0.0, -1.0, 0.0), Vec(0.0, 1.0, 0.0), Material(Vec(0.9, 0.9, 0.9), 0.8, 0.2, True)),
            Sphere(Vec(0.0, 0.0, 5.0), 1.0, Material(Vec(0.9, 0.2, 0.2), 0.7, 0.3)),
            Sphere(Vec(-2.2, 0.3, 6.5), 1.3, Material(Vec(0.2, 0.9, 0.3), 0.6, 0.4)),
            Sphere(Vec(2.0, -0.4, 4.2), 0.6, Material(Vec(0.3, 0.3, 0.95), 0.9, 0.1)),
            Sphere(Vec(0.7, 1.6, 7.5), 0.9, Material(Vec(0.95, 0.9, 0.2), 0.5, 0.5)),
        ]
        self.light = Vec(-4.0, 6.0, -2.0)
        self.ambient = 0.1

    def nearest(self, ray):
        best_t = INF
        best = None
        for obj in self.objects:
            t = obj.intersect(ray)
            if t < best_t:
                best_t = t
                best = obj
        return best, best_t

    def trace(self, ray, depth):
        obj, t = self.nearest(ray)
        if obj is None:
            k = 0.5 * (ray.direction.y + 1.0)
            return Vec(0.6, 0.7, 1.0) * k + Vec(1.0, 1.0, 1.0) * (1.0 - k) * 0.3
        point = ray.at(t)
        normal = obj.normal(point)
        mat = obj.material
        base = mat.colour_at(point)
        to_light = self.light - point
        dist = to_light.length()
        to_light = to_light * (1.0 / dist)
        shade = self.ambient
        lambert = normal.dot(to_light)
        if lambert > 0.0:
            blocker, bt = self.nearest(Ray(point, to_light))
            if blocker is None or bt > dist:
                shade += lambert * mat.diffuse
        colour = base * shade
        if depth > 0 and mat.reflect > 0.0:
            d = ray.direction
            r = d - normal * (2.0 * d.dot(normal))
            colour = colour * (1.0 - mat.reflect) + self.trace(Ray(point, r), depth - 1) * mat.reflect
        return colour


def quantise(c):
    if c <= 0.0:
        return 0
    if c >= 1.0:
        return 255
    return int(c * 255.0)


def render(size):
    scene = Scene()
    eye = Vec(0.0, 0.5, -1.0)
    checksum = 0
    histogram = [0] * 8
    for py in range(size):
        for px in range(size):
            x = (px + 0.5) / size * 2.0 - 1.0
            y = 1.0 - (py + 0.5) / size * 2.0
            ray = Ray(eye, Vec(x, y - 0.2, 1.5).normalized())
            c = scene.trace(ray, 2)
            r, g, b = quantise(c.x), quantise(c.y), quantise(c.z)
            checksum = (checksum * 33 + (r << 16 | g << 8 | b)) % 4294967291
            histogram[(r + g + b) // 96] += 1
    return checksum, histogram


def main():
    size = int(sys.argv[1]) if len(sys.argv) > 1 else 64
    checksum, histogram = render(size)
    print("raytrace", size, checksum, " ".join(map(str, histogram)))


main()
