"""What search engines read about an expert: a schema.org Person."""


def person(expert, request):
    data = {
        "@type": "Person",
        "name": expert.name,
        "url": request.build_absolute_uri(expert.get_absolute_url()),
    }
    if expert.role:
        data["jobTitle"] = expert.role
    if expert.photo:
        data["image"] = request.build_absolute_uri(expert.photo.url)
    return data
