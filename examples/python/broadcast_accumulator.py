"""Broadcast variables and accumulators: enriches order records with a broadcast lookup table
and counts the records with an unknown product using an accumulator.

    python examples/python/broadcast_accumulator.py

A broadcast value is shipped to each worker once (instead of with every task); tasks can
only add to an accumulator, and the driver reads its total after the job.
"""

from operator import add

from ember import SparkContext

PRODUCTS = {"p1": ("pencil", 0.5), "p2": ("notebook", 3.0), "p3": ("stapler", 7.25)}
ORDERS = [("alice", "p1", 10), ("bob", "p2", 1), ("carol", "p9", 2), ("alice", "p3", 1),
          ("dave", "p2", 4), ("erin", "p7", 1), ("bob", "p1", 3)]


def main() -> None:
    with SparkContext(appName="PythonBroadcastAccumulator") as sc:
        products = sc.broadcast(PRODUCTS)
        unknown = sc.accumulator(0)
        units = sc.accumulator(0)

        def price(order):
            customer, product, quantity = order
            units.add(quantity)
            if product not in products.value:
                unknown.add(1)
                return []
            name, unit_price = products.value[product]
            return [(customer, quantity * unit_price)]

        totals = sc.parallelize(ORDERS, 3).flatMap(price).reduceByKey(add).collect()
        for customer, total in sorted(totals):
            print("%s spent %.2f" % (customer, total))
        print("units ordered: %d" % units.value)
        print("orders with an unknown product: %d" % unknown.value)


if __name__ == "__main__":
    main()
